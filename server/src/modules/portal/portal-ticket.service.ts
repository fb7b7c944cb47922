import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { sql, timestamp } from '../../infra/sql.js';
import type { TresenPubSub } from '../../realtime/pubsub.js';
import type { MessageAddedEvent, TicketChangedEvent } from '../../realtime/topics.js';
import { isUuid } from '../../shared/ids.js';
import { ATTACHMENTS_PER_MESSAGE, type StoredAttachment } from '../attachments/attachment.service.js';
import type { ContactViewer } from '../auth/viewer.js';
import type { Priority, StatusCategory } from '../tickets/ticket.entity.js';
import { validateText } from '../tickets/ticket.rules.js';
import type { CustomerRequest, CustomerTicketService } from './customer-ticket.service.js';
import { portalTicketParts, portalTicketSql, PUBLIC_MESSAGE_KINDS } from './portal-visibility.js';

export const PORTAL_PAGE_MAX = 100;
const SEARCH_MAX = 200;
const COMMENT_MAX = 2000;

/** Which of the contact's tickets a list shows. */
export type PortalTicketState = 'open' | 'closed' | 'all';

/** A ticket as a customer may see it: no internal note, handler, watchers or internal fields. */
export interface PortalTicketView {
  id: string;
  number: number;
  subject: string;
  statusKey: string;
  statusCategory: StatusCategory;
  priority: Priority;
  departmentName: string;
  createdAt: Date;
  lastActivityAt: Date;
  customerNote: string | null;
  expectedDate: string | null;
  estimatedMinutes: number | null;
  /** Minutes recorded on the ticket; null unless the customer agreed to time tracking. */
  minutesSpent: number | null;
  openedByName: string | null;
  /** The viewer is the ticket's contact (not a colleague's ticket). */
  isOwn: boolean;
  rating: { good: boolean; comment: string } | null;
}

/** A public message: mail in and out, never internal notes, never automatic mail. */
export interface PortalMessageView {
  id: string;
  fromCustomer: boolean;
  authorName: string | null;
  bodyText: string;
  bodyHtml: string | null;
  createdAt: Date;
  attachments: StoredAttachment[];
}

interface TicketRowView {
  id: string;
  number: number;
  subject: string;
  status_key: string;
  status_category: StatusCategory;
  priority: Priority;
  department_name: string;
  created_at: string;
  last_activity_at: string;
  customer_note: string | null;
  expected_date: string | null;
  estimated_minutes: number | null;
  time_tracking_allowed: boolean;
  minutes_spent: string | null;
  contact_id: string | null;
  opened_by_name: string | null;
  rating_good: boolean | null;
  rating_comment: string | null;
}

const TICKET_SELECT = `select t.id, t.number, t.subject, s.key as status_key, t.status_category, t.priority, d.name as department_name,
    t.created_at, t.last_activity_at, t.customer_note, t.expected_date::text as expected_date, t.estimated_minutes, t.time_tracking_allowed,
    case when t.time_tracking_allowed then (select coalesce(sum(e.minutes), 0) from time_entries e where e.tenant_id = t.tenant_id and e.ticket_id = t.id) end as minutes_spent,
    t.contact_id, (select k.name from contacts k where k.tenant_id = t.tenant_id and k.id = t.contact_id) as opened_by_name,
    r.good as rating_good, r.comment as rating_comment
  from tickets t
  join ticket_statuses s on s.tenant_id = t.tenant_id and s.id = t.status_id
  join departments d on d.tenant_id = t.tenant_id and d.id = t.department_id
  left join ticket_ratings r on r.tenant_id = t.tenant_id and r.ticket_id = t.id`;

/**
 * The portal's reads and a customer's changes to tickets. Every statement carries the portal's
 * visibility rule (portalTicketSql), so a ticket out of reach is indistinguishable from none.
 */
export class PortalTicketService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: TresenPubSub,
    private readonly customerTickets: CustomerTicketService,
  ) {}

  /**
   * The contact's tickets, newest activity first, in pages (cursor: the last ticket's id).
   *
   * Each way to a ticket (own, the customer's, an assigned further customer's; portalTicketParts)
   * is read separately through its own index in page order, with the page's filters and at most one
   * page plus one; the union of those holds the page, which the full rule then selects again. One
   * query with the rule's OR cannot use an index for the order: it read all 1,000,000 tickets of the
   * scale data set for each page (3.4 s; see bench/README.md, portal).
   */
  async list(
    viewer: ContactViewer,
    filter: { state: PortalTicketState; search?: string | null },
    first: number,
    after: string | null | undefined,
  ): Promise<{ tickets: PortalTicketView[]; hasNextPage: boolean }> {
    const limit = Math.min(Math.max(Math.trunc(first), 1), PORTAL_PAGE_MAX);
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state === 'open') where.push("t.status_category <> 'closed'");
    if (filter.state === 'closed') where.push("t.status_category = 'closed'");
    const search = (filter.search ?? '').trim().slice(0, SEARCH_MAX);
    if (search) {
      const number = /^#?(\d{1,9})$/.exec(search)?.[1];
      where.push(`(t.search_doc @@ websearch_to_tsquery('simple', ?) or t.subject ilike ? ${number ? 'or t.number = ?' : ''}
        or exists (select 1 from messages m where m.tenant_id = t.tenant_id and m.ticket_id = t.id and m.kind in ${PUBLIC_MESSAGE_KINDS}
                   and not m.auto_generated and m.search_doc @@ websearch_to_tsquery('simple', ?)))`);
      params.push(search, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, ...(number ? [Number(number)] : []), search);
    }
    if (after) {
      if (!isUuid(after)) throw fieldError('after', 'Unknown cursor.');
      where.push('(t.last_activity_at, t.id) < (select c.last_activity_at, c.id from tickets c where c.tenant_id = ? and c.id = ?)');
      params.push(viewer.tenantId, after);
    }
    const { scope, own, customer, assigned } = portalTicketParts(viewer);
    const ways = [own, customer, assigned].map((way) => ({
      text: `(select t.id from tickets t where ${[scope.text, way.text, ...where].join(' and ')} order by t.last_activity_at desc, t.id desc limit ?)`,
      params: [...scope.params, ...way.params, ...params, limit + 1],
    }));
    const rule = portalTicketSql(viewer);
    const rows = await sql<TicketRowView>(
      this.em,
      `${TICKET_SELECT} where t.id = any(array(${ways.map((w) => w.text).join(' union ')})) and ${rule.text}
        order by t.last_activity_at desc, t.id desc limit ?`,
      [...ways.flatMap((w) => w.params), ...rule.params, limit + 1],
    );
    return { tickets: rows.slice(0, limit).map((row) => toView(row, viewer)), hasNextPage: rows.length > limit };
  }

  /** One ticket by id or number, or null when it is out of reach (or does not exist: the same to the customer). */
  async find(viewer: ContactViewer, by: { id?: string | null; number?: number | null }): Promise<PortalTicketView | null> {
    const rule = portalTicketSql(viewer);
    if (by.id !== undefined && by.id !== null) {
      if (!isUuid(by.id)) return null;
      const [row] = await sql<TicketRowView>(this.em, `${TICKET_SELECT} where ${rule.text} and t.id = ?`, [...rule.params, by.id]);
      return row ? toView(row, viewer) : null;
    }
    if (by.number === undefined || by.number === null || !Number.isInteger(by.number) || by.number < 1 || by.number > 2_147_483_647) return null;
    const [row] = await sql<TicketRowView>(this.em, `${TICKET_SELECT} where ${rule.text} and t.number = ?`, [...rule.params, by.number]);
    return row ? toView(row, viewer) : null;
  }

  /** The public messages of a visible ticket, oldest first, with their attachments. */
  async messages(viewer: ContactViewer, ticketId: string): Promise<PortalMessageView[]> {
    const rule = portalTicketSql(viewer);
    const rows = await sql<{
      id: string;
      kind: string;
      author_name: string | null;
      body_text: string;
      body_html: string | null;
      created_at: string;
    }>(
      this.em,
      `select m.id, m.kind, coalesce(u.name, k.name) as author_name, m.body_text, m.body_html, m.created_at
         from tickets t join messages m on m.tenant_id = t.tenant_id and m.ticket_id = t.id
         left join users u on u.tenant_id = m.tenant_id and u.id = m.author_user_id and m.kind = 'outbound'
         left join contacts k on k.tenant_id = m.tenant_id and k.id = m.author_contact_id
        where ${rule.text} and t.id = ? and m.kind in ${PUBLIC_MESSAGE_KINDS} and not m.auto_generated and m.automatic_reason is null
          and (m.kind = 'inbound' or m.send_status is distinct from 'failed')
        order by m.created_at, m.id`,
      [...rule.params, ticketId],
    );
    if (rows.length === 0) return [];
    const files = await sql<{ id: string; message_id: string; filename: string; content_type: string; size: number }>(
      this.em,
      'select id, message_id, filename, content_type, size from attachments where tenant_id = ? and message_id = any(?::uuid[]) order by created_at, id',
      [viewer.tenantId, `{${rows.map((r) => r.id).join(',')}}`],
    );
    return rows.map((row) => ({
      id: row.id,
      fromCustomer: row.kind === 'inbound',
      authorName: row.author_name,
      bodyText: row.body_text,
      bodyHtml: row.body_html,
      createdAt: timestamp(row.created_at)!,
      attachments: files.filter((f) => f.message_id === row.id).map((f) => ({ id: f.id, filename: f.filename, contentType: f.content_type, size: f.size })),
    }));
  }

  /** Opens a ticket in a public department (portal). */
  async create(viewer: ContactViewer, request: Omit<CustomerRequest, 'channel' | 'files'>): Promise<PortalTicketView> {
    if (viewer.ticketId) throw new DomainError(ErrorCode.Forbidden, 'Sign in to open new tickets.');
    const { ticketId } = await this.customerTickets.openForContact(viewer, { ...request, channel: 'portal' });
    return (await this.find(viewer, { id: ticketId }))!;
  }

  /** Public departments customers may write to (and whether they may choose a priority there). */
  async departments(viewer: ContactViewer): Promise<{ id: string; name: string; allowsPriority: boolean }[]> {
    const rows = await sql<{ id: string; name: string; portal_priority: boolean }>(
      this.em,
      'select id, name, portal_priority from departments where tenant_id = ? and is_public and owner_id is null order by lower(name)',
      [viewer.tenantId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, allowsPriority: row.portal_priority }));
  }

  /** The customer answers: a public inbound message; the ticket becomes "customer replied" and unread for staff (a closed one reopens). */
  async reply(viewer: ContactViewer, input: { ticketId: string; text: string; attachmentIds?: readonly string[] | null }): Promise<PortalMessageView> {
    const text = validateText(input.text);
    const uploads = [...new Set(input.attachmentIds ?? [])];
    if (uploads.length > ATTACHMENTS_PER_MESSAGE) throw fieldError('attachmentIds', `At most ${ATTACHMENTS_PER_MESSAGE} attachments per message.`);
    if (uploads.some((id) => !isUuid(id))) throw fieldError('attachmentIds', 'Unknown attachment.');
    const ticket = await this.visible(viewer, input.ticketId);
    if (ticket.status_key === 'merged') throw new DomainError(ErrorCode.Conflict, 'This ticket was merged into another one; answer there.', 'ticketId');
    const messageId = randomUUID();
    await this.em.transactional(async (em) => {
      const [contact] = await sql<{ email: string }>(em, 'select email from contacts where tenant_id = ? and id = ?', [viewer.tenantId, viewer.contactId]);
      await sql(
        em,
        `insert into messages (id, tenant_id, ticket_id, kind, author_contact_id, from_address, body_text, created_at) values (?, ?, ?, 'inbound', ?, ?, ?, now())`,
        [messageId, viewer.tenantId, ticket.id, viewer.contactId, contact?.email ?? null, text],
      );
      if (uploads.length > 0) {
        const taken = await sql(
          em,
          'update attachments set message_id = ? where tenant_id = ? and id = any(?::uuid[]) and message_id is null and uploaded_by_id = ? returning id',
          [messageId, viewer.tenantId, `{${uploads.join(',')}}`, viewer.userId],
        );
        if (taken.length !== uploads.length) throw fieldError('attachmentIds', 'Unknown attachment, or it belongs to another message.');
      }
      await this.setStatus(em, viewer, ticket, 'customer_replied', { customerActivity: true });
    });
    await this.published(viewer.tenantId, ticket.id, ticket.department_id, messageId);
    return (await this.messages(viewer, ticket.id)).find((m) => m.id === messageId)!;
  }

  /** The customer closes their ticket (it stays readable and can be rated). */
  async close(viewer: ContactViewer, ticketId: string): Promise<PortalTicketView> {
    const ticket = await this.visible(viewer, ticketId);
    if (ticket.status_category !== 'closed') {
      await this.em.transactional((em) => this.setStatus(em, viewer, ticket, 'closed', { customerActivity: true }));
      await this.published(viewer.tenantId, ticket.id, ticket.department_id, null);
    }
    return (await this.find(viewer, { id: ticket.id }))!;
  }

  /** Rates a closed ticket good or bad, with an optional comment; rating again replaces the earlier rating. */
  async rate(viewer: ContactViewer, input: { ticketId: string; good: boolean; comment?: string | null }): Promise<PortalTicketView> {
    const comment = (input.comment ?? '').replaceAll('\u0000', '').trim();
    if (comment.length > COMMENT_MAX) throw fieldError('comment', `The comment must be at most ${COMMENT_MAX} characters long.`);
    const ticket = await this.visible(viewer, input.ticketId);
    if (ticket.status_category !== 'closed') throw new DomainError(ErrorCode.BadUserInput, 'Only closed tickets can be rated.', 'ticketId');
    await this.em.transactional(async (em) => {
      await sql(
        em,
        `insert into ticket_ratings (tenant_id, ticket_id, contact_id, department_id, handler_id, good, comment, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, now(), now())
         on conflict (tenant_id, ticket_id) do update set contact_id = excluded.contact_id, good = excluded.good, comment = excluded.comment, updated_at = now()`,
        [viewer.tenantId, ticket.id, viewer.contactId, ticket.department_id, ticket.handler_id, input.good, comment],
      );
      await this.history(em, viewer, ticket.id, 'rating', null, input.good ? (comment ? `good: ${comment}` : 'good') : comment ? `bad: ${comment}` : 'bad');
    });
    await this.published(viewer.tenantId, ticket.id, ticket.department_id, null);
    return (await this.find(viewer, { id: ticket.id }))!;
  }

  /** Whether a ticket or message event may reach this contact: the portal rule, and never for an internal note. */
  async eventVisible(viewer: ContactViewer, event: TicketChangedEvent | MessageAddedEvent): Promise<boolean> {
    const rule = portalTicketSql(viewer);
    const messageId = 'messageId' in event ? event.messageId : null;
    const rows = await sql(
      this.em,
      `select 1 from tickets t where ${rule.text} and t.id = ?
        ${messageId ? `and exists (select 1 from messages m where m.tenant_id = t.tenant_id and m.id = ? and m.kind in ${PUBLIC_MESSAGE_KINDS} and not m.auto_generated)` : ''}`,
      [...rule.params, event.ticketId, ...(messageId ? [messageId] : [])],
    );
    return rows.length > 0;
  }

  /** A file of a public message on a visible ticket, or the contact's own pending upload; null otherwise. */
  async download(viewer: ContactViewer, id: string): Promise<(StoredAttachment & { data: Buffer }) | null> {
    if (!isUuid(id)) return null;
    const rule = portalTicketSql(viewer);
    const [row] = await sql<{ id: string; filename: string; content_type: string; size: number; data: Buffer }>(
      this.em,
      `select a.id, a.filename, a.content_type, a.size, b.data
         from attachments a join attachment_blobs b on b.tenant_id = a.tenant_id and b.sha256 = a.sha256
         left join messages m on m.tenant_id = a.tenant_id and m.id = a.message_id
        where a.tenant_id = ? and a.id = ?
          and ((a.message_id is null and a.uploaded_by_id = ?)
            or (m.kind in ${PUBLIC_MESSAGE_KINDS} and exists (select 1 from tickets t where ${rule.text} and t.id = m.ticket_id)))`,
      [viewer.tenantId, id, viewer.userId, ...rule.params],
    );
    return row ? { id: row.id, filename: row.filename, contentType: row.content_type, size: row.size, data: row.data } : null;
  }

  private async visible(viewer: ContactViewer, ticketId: string) {
    if (!isUuid(ticketId)) throw notFound('Ticket');
    const rule = portalTicketSql(viewer);
    const [ticket] = await sql<{
      id: string;
      department_id: string;
      handler_id: string | null;
      status_id: string;
      status_key: string;
      status_category: StatusCategory;
    }>(
      this.em,
      `select t.id, t.department_id, t.handler_id, t.status_id, s.key as status_key, t.status_category
         from tickets t join ticket_statuses s on s.tenant_id = t.tenant_id and s.id = t.status_id where ${rule.text} and t.id = ?`,
      [...rule.params, ticketId],
    );
    if (!ticket) throw notFound('Ticket');
    return ticket;
  }

  private async setStatus(
    em: EntityManager,
    viewer: ContactViewer,
    ticket: { id: string; status_id: string; status_key: string },
    key: string,
    options: { customerActivity: boolean },
  ): Promise<void> {
    const [status] = await sql<{ id: string; category: StatusCategory }>(em, 'select id, category from ticket_statuses where tenant_id = ? and key = ?', [
      viewer.tenantId,
      key,
    ]);
    if (!status) throw new Error(`status ${key} is missing in tenant ${viewer.tenantId}`);
    await sql(
      em,
      `update tickets set status_id = ?, status_category = ?, unread = true, updated_at = now(), last_activity_at = now(),
              last_customer_activity_at = case when ? then now() else last_customer_activity_at end, version = version + 1
        where tenant_id = ? and id = ?`,
      [status.id, status.category, options.customerActivity, viewer.tenantId, ticket.id],
    );
    if (ticket.status_id !== status.id) await this.history(em, viewer, ticket.id, 'status', ticket.status_key, key);
  }

  private async history(em: EntityManager, viewer: ContactViewer, ticketId: string, field: string, oldValue: string | null, newValue: string | null) {
    await sql(
      em,
      `insert into ticket_history (id, tenant_id, ticket_id, actor_user_id, actor_label, at, field, old_value, new_value)
       values (?, ?, ?, ?, (select 'Customer: ' || name from contacts where tenant_id = ? and id = ?), now(), ?, ?, ?)`,
      [randomUUID(), viewer.tenantId, ticketId, viewer.userId, viewer.tenantId, viewer.contactId, field, oldValue, newValue],
    );
  }

  private async published(tenantId: string, ticketId: string, departmentId: string, messageId: string | null): Promise<void> {
    if (messageId) await this.pubSub.publish('messageAdded', tenantId, { ticketId, messageId, departmentId });
    await this.pubSub.publish('ticketChanged', tenantId, { kind: 'UPDATED', ticketId, departmentId, previousDepartmentId: null });
  }
}

function toView(row: TicketRowView, viewer: ContactViewer): PortalTicketView {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    statusKey: row.status_key,
    statusCategory: row.status_category,
    priority: row.priority,
    departmentName: row.department_name,
    createdAt: timestamp(row.created_at)!,
    lastActivityAt: timestamp(row.last_activity_at)!,
    customerNote: row.customer_note,
    expectedDate: row.expected_date,
    estimatedMinutes: row.estimated_minutes,
    minutesSpent: row.time_tracking_allowed && row.minutes_spent !== null ? Number(row.minutes_spent) : null,
    openedByName: row.opened_by_name,
    isOwn: row.contact_id === viewer.contactId,
    rating: row.rating_good === null ? null : { good: row.rating_good, comment: row.rating_comment ?? '' },
  };
}
