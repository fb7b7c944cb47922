import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../../graphql/errors.js';
import { sql } from '../../../infra/sql.js';
import type { TresenPubSub } from '../../../realtime/pubsub.js';
import { isUuid } from '../../../shared/ids.js';
import type { StaffViewer } from '../../auth/viewer.js';
import type { AttachmentService } from '../../attachments/attachment.service.js';
import { Department } from '../../departments/department.entity.js';
import { Contact, Customer } from '../../customers/customer.entity.js';
import { Message, type IMessage } from '../../messages/message.entity.js';
import { Ticket, TicketHistory, TicketStatus, type ITicket } from '../../tickets/ticket.entity.js';
import type { TicketQueryService } from '../../tickets/ticket-query.service.js';
import { TEXT_MAX } from '../../tickets/ticket.rules.js';
import { User } from '../../users/user.entity.js';
import type { MessageIdSigner } from '../threading/message-ids.js';
import type { CannedReplyService } from './canned-reply.service.js';
import { composeBody, fillPlaceholders, replySubject, subjectWithToken, type PlaceholderValues } from './compose.js';
import type { Outbox } from './outbox.js';
import type { RatingRequests } from '../../portal/rating-request.js';

export interface ReplyInput {
  ticketId: string;
  to: readonly string[];
  cc?: readonly string[] | null;
  bcc?: readonly string[] | null;
  subject?: string | null;
  body?: string | null;
  html?: string | null;
  statusAfter?: string | null;
  cannedReplyId?: string | null;
  attachmentIds?: readonly string[] | null;
  includeHistory?: boolean | null;
}

/** One address, lower-cased: no display names, no control characters, nothing a header could be split with. */
const ADDRESS = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const RECIPIENTS_MAX = 50;
const SUBJECT_MAX = 250;
const HTML_MAX = 500_000;
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * Replies by mail: the reply, its ticket's new status and its send job are written in one
 * transaction; the outbox sends it. A department without a sending address cannot answer.
 */
export class ReplyService {
  constructor(
    private readonly em: EntityManager,
    private readonly query: TicketQueryService,
    private readonly attachments: AttachmentService,
    private readonly canned: CannedReplyService,
    private readonly signer: MessageIdSigner,
    private readonly outbox: Outbox | null,
    private readonly pubSub: TresenPubSub,
    private readonly ratingRequests: RatingRequests | null = null,
  ) {}

  async reply(viewer: StaffViewer, input: ReplyInput): Promise<IMessage> {
    const ticket = await this.ticket(viewer, input.ticketId);
    const mailbox = await this.sendingMailbox(ticket);
    const to = addresses(input.to, 'to');
    if (to.length === 0) throw fieldError('to', 'Enter at least one recipient.');
    const cc = addresses(input.cc ?? [], 'cc');
    const bcc = addresses(input.bcc ?? [], 'bcc');
    if (to.length + cc.length + bcc.length > RECIPIENTS_MAX) throw fieldError('to', `At most ${RECIPIENTS_MAX} recipients in all.`);
    const subject = checkedSubject(input.subject ?? replySubject(ticket.subject));
    const status = await this.statusAfter(ticket.tenantId, input.statusAfter ?? 'answered');
    const values = await this.placeholders(viewer, ticket);
    let body = input.body ?? '';
    if (input.cannedReplyId) {
      const template = await this.canned.usable(viewer, input.cannedReplyId, ticket.departmentId);
      if (body.trim() === '') body = fillPlaceholders(template.body, values);
    }
    body = checkedBody(body);
    const html = input.html ?? null;
    if (html !== null && (html.length > HTML_MAX || html.includes('\u0000')))
      throw fieldError('html', `The formatted text must be at most ${HTML_MAX} characters.`);
    const attach = await this.attachments.assertAttachable(viewer, input.attachmentIds ?? []);
    const agentSignature = viewer.type === 'user' ? ((await this.em.findOne(User, { tenantId: viewer.tenantId, id: viewer.userId }))?.signature ?? '') : '';
    const history = input.includeHistory ? await this.history(ticket) : null;
    const composed = composeBody({
      text: body,
      html,
      agentSignature: fillPlaceholders(agentSignature, values),
      addressSignature: fillPlaceholders(mailbox.signature, values),
      history: null,
    });
    const quoted = history ? composeBody({ text: '', html: null, agentSignature: '', addressSignature: '', history }).text : null;
    const domain = mailbox.address.split('@')[1] ?? 'localhost';
    const now = new Date();
    const messageId = randomUUID();
    await this.em.transactional(async (em) => {
      em.create(Message, {
        id: messageId,
        tenantId: ticket.tenantId,
        ticketId: ticket.id,
        kind: 'outbound',
        authorUserId: viewer.type === 'user' ? viewer.userId : null,
        fromAddress: mailbox.address,
        toAddresses: to,
        ccAddresses: cc,
        bccAddresses: bcc,
        subject: subjectWithToken(subject, ticket.number),
        bodyText: composed.text,
        quotedText: quoted,
        bodyHtml: composed.html,
        mailMessageId: this.signer.create(ticket.tenantId, ticket.id, domain),
        mailboxId: mailbox.id,
        sendStatus: 'queued',
        createdAt: now,
      });
      await em.flush();
      if (attach.length > 0) {
        const marks = attach.map(() => '?').join(', ');
        const updated = await sql<{ id: string }>(
          em,
          `update attachments set message_id = ? where tenant_id = ? and message_id is null and id in (${marks}) returning id`,
          [messageId, ticket.tenantId, ...attach],
        );
        if (updated.length !== attach.length) throw fieldError('attachmentIds', 'An attachment was used by another message meanwhile.');
      }
      const locked = await em.findOneOrFail(Ticket, { tenantId: ticket.tenantId, id: ticket.id });
      const closing = status.category === 'closed' && locked.statusCategory !== 'closed';
      if (locked.statusId !== status.id) {
        const previous = await em.findOneOrFail(TicketStatus, { tenantId: ticket.tenantId, id: locked.statusId });
        em.create(TicketHistory, {
          tenantId: ticket.tenantId,
          ticketId: ticket.id,
          actorUserId: viewer.type === 'user' ? viewer.userId : null,
          actorLabel: viewer.type === 'user' ? null : 'API token',
          at: now,
          field: 'status',
          oldValue: previous.key,
          newValue: status.key,
        });
        locked.statusId = status.id;
        locked.statusCategory = status.category;
      }
      locked.lastActivityAt = now;
      locked.lastAgentActivityAt = now;
      locked.updatedAt = now;
      locked.unread = false;
      await em.flush();
      await this.requireOutbox().enqueue(em, { tenantId: ticket.tenantId, messageId });
      if (closing) await this.ratingRequests?.queue(em, ticket.tenantId, ticket.id);
    });
    await this.published(ticket, messageId);
    return this.em.findOneOrFail(Message, { tenantId: ticket.tenantId, id: messageId });
  }

  /** A canned reply filled for a ticket (preview in the composer). */
  async renderCanned(viewer: StaffViewer, id: string, ticketId: string): Promise<string> {
    const ticket = await this.ticket(viewer, ticketId);
    const template = await this.canned.usable(viewer, id, ticket.departmentId);
    return fillPlaceholders(template.body, await this.placeholders(viewer, ticket));
  }

  /** What the reply form starts with; says why a ticket cannot be answered by mail. */
  async defaults(viewer: StaffViewer, ticketId: string) {
    const ticket = await this.ticket(viewer, ticketId);
    let from: string | null = null;
    let reason: string | null = null;
    try {
      from = (await this.sendingMailbox(ticket)).address;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reason = error.message;
    }
    const last = await this.em.findOne(
      Message,
      { tenantId: ticket.tenantId, ticketId: ticket.id, kind: 'inbound', fromAddress: { $ne: null } },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    const contact = ticket.contactId ? await this.em.findOne(Contact, { tenantId: ticket.tenantId, id: ticket.contactId }) : null;
    const to = last?.fromAddress ? [last.fromAddress] : contact?.email ? [contact.email.toLowerCase()] : [];
    const own = new Set(
      (await sql<{ address: string }>(this.em, 'select address from mailboxes where tenant_id = ?', [ticket.tenantId])).map((r) => r.address),
    );
    const cc = ((last?.ccAddresses ?? []) as string[]).concat((last?.toAddresses ?? []) as string[]).filter((a) => !own.has(a) && !to.includes(a));
    return {
      canSend: reason === null,
      reason,
      reasonCode: reason === null ? null : ('NO_SENDING_ADDRESS' as const),
      from,
      subject: replySubject(ticket.subject),
      to,
      cc: [...new Set(cc)],
      statusAfter: 'answered',
    };
  }

  /** Sends a failed reply again, with the same Message-ID. */
  async resend(viewer: StaffViewer, id: string): Promise<IMessage> {
    const message = isUuid(id) ? await this.em.findOne(Message, { tenantId: viewer.tenantId, id }) : null;
    const ticket = message ? await this.query.findVisible(viewer, message.ticketId) : null;
    if (!message || !ticket) throw notFound('Message');
    if (message.kind !== 'outbound' || message.sendStatus !== 'failed') throw fieldError('id', 'Only a reply whose sending failed can be sent again.');
    await this.sendingMailbox(ticket);
    await this.em.transactional(async (em) => {
      const updated = await sql<{ id: string }>(
        em,
        `update messages set send_status = 'queued', send_error = null where tenant_id = ? and id = ? and send_status = 'failed' returning id`,
        [viewer.tenantId, message.id],
      );
      if (updated.length === 0) throw new DomainError(ErrorCode.Conflict, 'This reply is being sent already.', 'id');
      await this.requireOutbox().enqueue(em, { tenantId: viewer.tenantId, messageId: message.id });
    });
    await this.published(ticket, message.id);
    this.em.clear();
    return this.em.findOneOrFail(Message, { tenantId: viewer.tenantId, id: message.id });
  }

  /** The placeholder values for a ticket, as the viewer would send it. */
  async placeholders(viewer: StaffViewer, ticket: ITicket): Promise<PlaceholderValues> {
    const [customer, contact, department, agent] = await Promise.all([
      ticket.customerId ? this.em.findOne(Customer, { tenantId: ticket.tenantId, id: ticket.customerId }) : null,
      ticket.contactId ? this.em.findOne(Contact, { tenantId: ticket.tenantId, id: ticket.contactId }) : null,
      this.em.findOne(Department, { tenantId: ticket.tenantId, id: ticket.departmentId }),
      viewer.type === 'user' ? this.em.findOne(User, { tenantId: viewer.tenantId, id: viewer.userId }) : null,
    ]);
    return {
      customerName: customer?.name ?? ticket.customerName ?? '',
      contactName: contact?.name ?? '',
      ticketNumber: String(ticket.number),
      ticketSubject: ticket.subject,
      agentName: agent?.name ?? '',
      department: department?.name ?? '',
      expectedDate: ticket.expectedDate ? String(ticket.expectedDate) : '',
    };
  }

  /** A ticket the viewer may see and change by mail. */
  async ticket(viewer: StaffViewer, id: string): Promise<ITicket> {
    const ticket = await this.query.findVisible(viewer, id);
    if (!ticket) throw new DomainError(ErrorCode.NotFound, 'Ticket not found.', 'ticketId');
    if (ticket.mergedIntoId) throw fieldError('ticketId', 'This ticket was merged into another one; answer there.');
    return ticket;
  }

  /** The address replies of this ticket leave from: the one its mail came in through when it sends, else the department's first. */
  async sendingMailbox(ticket: ITicket): Promise<{ id: string; address: string; signature: string }> {
    const rows = await sql<{ id: string; address: string; signature: string }>(
      this.em,
      `select m.id, m.address, m.signature from mailboxes m
        where m.tenant_id = ? and m.department_id = ? and m.smtp_enabled
        order by exists (select 1 from inbound_mails i where i.tenant_id = m.tenant_id and i.mailbox_id = m.id and i.ticket_id = ?) desc, m.created_at, m.id
        limit 1`,
      [ticket.tenantId, ticket.departmentId, ticket.id],
    );
    const mailbox = rows[0];
    if (!mailbox) {
      const department = await this.em.findOne(Department, { tenantId: ticket.tenantId, id: ticket.departmentId });
      throw new DomainError(
        ErrorCode.BadUserInput,
        `The department "${department?.name ?? ''}" has no sending address, so it cannot answer by mail. An admin can turn on sending for one of its addresses under Admin → Mailboxes.`,
        'ticketId',
      );
    }
    return mailbox;
  }

  private async statusAfter(tenantId: string, key: string) {
    const status = await this.em.findOne(TicketStatus, { tenantId, key });
    if (!status || key === 'merged') throw fieldError('statusAfter', 'Unknown status.');
    return status;
  }

  private async history(ticket: ITicket): Promise<{ from: string; at: Date; text: string } | null> {
    const last = await this.em.findOne(
      Message,
      { tenantId: ticket.tenantId, ticketId: ticket.id, kind: { $in: ['inbound', 'outbound'] } },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    if (!last) return null;
    return { from: last.fromAddress ?? '', at: last.createdAt, text: last.bodyText };
  }

  private async published(ticket: ITicket, messageId: string): Promise<void> {
    await this.pubSub.publish('messageAdded', ticket.tenantId, { ticketId: ticket.id, messageId, departmentId: ticket.departmentId });
    await this.pubSub.publish('ticketChanged', ticket.tenantId, {
      kind: 'UPDATED',
      ticketId: ticket.id,
      departmentId: ticket.departmentId,
      previousDepartmentId: null,
    });
  }

  private requireOutbox(): Outbox {
    if (!this.outbox) throw new Error('no outbox in this process');
    return this.outbox;
  }
}

/** Checked recipient addresses, lower-cased and without repeats. */
export function addresses(raw: readonly string[], field: string): string[] {
  const out: string[] = [];
  for (const entry of raw) {
    if (CONTROL.test(entry)) throw fieldError(field, 'An address contains a line break or another control character.');
    const address = entry.trim().toLowerCase();
    if (!ADDRESS.test(address) || address.length > 254) throw fieldError(field, `"${entry.slice(0, 100)}" is not an e-mail address.`);
    if (!out.includes(address)) out.push(address);
  }
  return out;
}

function checkedSubject(raw: string): string {
  if (CONTROL.test(raw)) throw fieldError('subject', 'The subject must be one line without control characters.');
  const subject = raw.trim();
  if (subject === '') throw fieldError('subject', 'The subject must not be empty.');
  if (subject.length > SUBJECT_MAX) throw fieldError('subject', `The subject must be at most ${SUBJECT_MAX} characters long.`);
  return subject;
}

function checkedBody(raw: string): string {
  const body = raw.replaceAll('\u0000', '').trimEnd();
  if (body.trim() === '') throw fieldError('body', 'Write a message (or pick a canned reply).');
  if (body.length > TEXT_MAX) throw fieldError('body', `The message must be at most ${TEXT_MAX} characters long.`);
  return body;
}
