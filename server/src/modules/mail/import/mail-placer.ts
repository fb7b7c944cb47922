import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { insertRows, sql } from '../../../infra/sql.js';
import type { StatusCategory } from '../../tickets/ticket.entity.js';
import { pgArray } from '../../tickets/ticket.filter.js';
import { SUBJECT_MAX } from '../../tickets/ticket.rules.js';
import type { ParsedMail } from '../parsing/parse-mail.js';
import { autoReplySettings, queueAutoReply } from '../smtp/auto-reply.js';
import type { Outbox } from '../smtp/outbox.js';
import type { MessageIdSigner } from '../threading/message-ids.js';
import { ThreadFinder } from '../threading/thread-finder.js';
import { SenderContacts, type SenderContact } from './sender-contact.js';

/** The mailbox facts an import needs. */
export interface ImportMailbox {
  readonly id: string;
  readonly tenantId: string;
  readonly departmentId: string;
}

export type Placement =
  { status: 'imported'; ticketId: string; messageId: string; createdTicket: boolean; departmentId: string } | { status: 'ignored'; reason: string };

export interface PlacerParts {
  readonly signer: MessageIdSigner;
  /** Where acknowledgements of new tickets are queued; null: none are sent. */
  readonly outbox: Outbox | null;
}

/** Mail text kept per message; the full mail stays in the raw copy. Keeps the search index within PostgreSQL's limits. */
const TEXT_KEEP = 200_000;

interface TenantFacts {
  own: string[];
  statuses: { id: string; key: string; category: StatusCategory }[];
}

interface NewTicket {
  id: string;
  subject: string;
  contact: SenderContact | null;
  sender: string | null;
  senderName: string;
  noAutoReply: boolean;
  at: Date;
}

interface Touch {
  /** A person wrote (not automatic mail): a waiting or closed ticket becomes "customer replied". */
  reopen: boolean;
  /** The first such mail: when, and who, for the history. */
  reopenedAt: Date | null;
  reopenedBy: string;
  at: Date;
}

/**
 * Places parsed mails on tickets inside the caller's transaction, in order, as one batch: mail from
 * our own addresses is ignored; the rest is threaded (ThreadFinder), its sender matched to a contact
 * or made one, and becomes a new ticket or a message on its ticket — a reply to a waiting or closed
 * ticket by a person reopens it as "customer replied". Attachments are stored once per content and
 * inline `cid:` images pointed at them; bounces mark the failed recipients on the original.
 *
 * Reads in a fixed handful of statements and writes each table with one multi-row statement, so an
 * import costs per batch what it used to cost per mail.
 */
export async function placeMails(em: EntityManager, parts: PlacerParts, mailbox: ImportMailbox, mails: readonly ParsedMail[]): Promise<Placement[]> {
  if (mails.length === 0) return [];
  const tenantId = mailbox.tenantId;
  const [facts] = await sql<TenantFacts>(
    em,
    `select (select coalesce(array_agg(lower(address)), '{}') from mailboxes where tenant_id = ?) as own,
            (select json_agg(json_build_object('id', id, 'key', key, 'category', category)) from ticket_statuses where tenant_id = ?) as statuses`,
    [tenantId, tenantId],
  );
  const own = new Set(facts!.own);
  const status = (key: string) => {
    const found = facts!.statuses.find((s) => s.key === key);
    if (!found) throw new Error(`The tenant has no ticket status "${key}".`);
    return found;
  };
  const senders = mails.map((mail) => mail.from?.address.trim().toLowerCase() ?? null);
  const threads = await ThreadFinder.load(em, parts.signer, tenantId, mails);
  const contacts = await SenderContacts.load(
    em,
    tenantId,
    senders.filter((s): s is string => s !== null && !own.has(s)),
  );

  const placements: Placement[] = [];
  const newTickets: NewTicket[] = [];
  const touches = new Map<string, Touch>();
  const messages: { id: string; ticketId: string; mail: ParsedMail; sender: string | null; contact: SenderContact | null; html: string | null; at: Date }[] =
    [];
  const attachments: unknown[][] = [];
  const blobs = new Map<string, unknown[]>();
  const bounces: { messageId: string; recipients: string[] }[] = [];
  for (const [i, mail] of mails.entries()) {
    const sender = senders[i]!;
    if (sender && own.has(sender)) {
      placements.push({ status: 'ignored', reason: `Sent from our own address ${sender}; not turned into a ticket (mail loop protection).` });
      continue;
    }
    const thread = await threads.find(em, mail, sender);
    const contact = sender ? contacts.ensure(sender, mail.from?.name ?? '') : null;
    const at = importClock();
    const messageId = randomUUID();
    let ticketId: string;
    if (thread) {
      ticketId = thread.ticketId;
      const touch = touches.get(ticketId) ?? { reopen: false, reopenedAt: null, reopenedBy: '', at };
      touch.at = at;
      if (!mail.automatic && !touch.reopen) Object.assign(touch, { reopen: true, reopenedAt: at, reopenedBy: sender ?? 'E-Mail' });
      touches.set(ticketId, touch);
      if (mail.bounce && thread.bouncedMessageId) bounces.push({ messageId: thread.bouncedMessageId, recipients: mail.bounce.failedRecipients });
    } else {
      ticketId = randomUUID();
      const noAutoReply = mail.automatic !== null || mail.autoReplySuppressed;
      newTickets.push({ id: ticketId, subject: ticketSubject(mail.subject), contact, sender, senderName: mail.from?.name ?? '', noAutoReply, at });
    }
    threads.remember(mail, sender, { id: ticketId, isNew: !thread }, messageId);
    let html = mail.html;
    for (const attachment of mail.attachments) {
      const sha256 = createHash('sha256').update(attachment.content).digest('hex');
      blobs.set(sha256, [tenantId, sha256, attachment.content.length, attachment.content, at]);
      const id = randomUUID();
      attachments.push([
        id,
        tenantId,
        messageId,
        sha256,
        attachment.filename,
        attachment.contentType,
        attachment.content.length,
        null,
        at,
        attachment.contentId,
        attachment.inline,
      ]);
      if (html && attachment.contentId) html = html.split(`cid:${attachment.contentId}`).join(`/attachments/${id}`);
    }
    messages.push({ id: messageId, ticketId, mail, sender, contact, html, at });
    placements.push({ status: 'imported', ticketId, messageId, createdTicket: !thread, departmentId: mailbox.departmentId });
  }

  // Writes. The contacts first: one another transaction made meanwhile replaces ours in place.
  await contacts.write(em);
  const history: unknown[][] = [];
  if (newTickets.length > 0) {
    const [counter] = await sql<{ n: number }>(
      em,
      `insert into tenant_counters (tenant_id, last_ticket_number) values (?, ?)
       on conflict (tenant_id) do update set last_ticket_number = tenant_counters.last_ticket_number + excluded.last_ticket_number
       returning last_ticket_number as n`,
      [tenantId, newTickets.length],
    );
    const first = counter!.n - newTickets.length + 1;
    const created = status('new');
    await insertRows(
      em,
      'tickets',
      [
        'id',
        'tenant_id',
        'number',
        'subject',
        'status_id',
        'status_category',
        'priority',
        'department_id',
        'channel',
        'customer_id',
        'contact_id',
        'customer_name',
        'created_at',
        'updated_at',
        'last_activity_at',
        'last_customer_activity_at',
        'unread',
      ],
      // Later mail of this batch on a new ticket updates its activity with the other touches below.
      newTickets.map((t, i) => [
        t.id,
        tenantId,
        first + i,
        t.subject,
        created.id,
        created.category,
        1,
        mailbox.departmentId,
        'mail',
        t.contact?.customerId ?? null,
        t.contact?.contactId ?? null,
        t.contact?.customerName ?? null,
        t.at,
        t.at,
        t.at,
        t.at,
        true,
      ]),
    );
    for (const [i, t] of newTickets.entries()) history.push([randomUUID(), tenantId, t.id, null, t.sender ?? 'E-Mail', t.at, 'created', null, `#${first + i}`]);
    const acknowledgement = parts.outbox && newTickets.some((t) => t.sender && !t.noAutoReply) ? await autoReplySettings(em, tenantId, mailbox.id) : null;
    if (parts.outbox && acknowledgement) {
      for (const [i, t] of newTickets.entries())
        await queueAutoReply(em, parts.signer, parts.outbox, acknowledgement, {
          tenantId,
          mailboxId: mailbox.id,
          ticket: { id: t.id, number: first + i, subject: t.subject },
          sender: t.sender,
          senderName: t.senderName,
          customerName: t.contact?.customerName ?? '',
          noAutoReply: t.noAutoReply,
        });
    }
  }

  const departments = await touchTickets(em, tenantId, touches, status('customer_replied'), facts!.statuses, history);
  for (const placement of placements)
    if (placement.status === 'imported' && !placement.createdTicket) placement.departmentId = departments.get(placement.ticketId) ?? mailbox.departmentId;
  await insertRows(em, 'ticket_history', ['id', 'tenant_id', 'ticket_id', 'actor_user_id', 'actor_label', 'at', 'field', 'old_value', 'new_value'], history);
  await insertRows(
    em,
    'messages',
    [
      'id',
      'tenant_id',
      'ticket_id',
      'kind',
      'author_contact_id',
      'from_address',
      'to_addresses::text[]',
      'cc_addresses::text[]',
      'body_text',
      'quoted_text',
      'body_html',
      'mail_message_id',
      'automatic_reason',
      'no_auto_reply',
      'bounced_recipients::text[]',
      'has_remote_images',
      'created_at',
    ],
    messages.map(({ id, ticketId, mail, sender, contact, html, at }) => [
      id,
      tenantId,
      ticketId,
      'inbound',
      contact?.contactId ?? null,
      sender,
      pgArray(mail.to.map((a) => a.address.toLowerCase())),
      pgArray(mail.cc.map((a) => a.address.toLowerCase())),
      mail.newText.slice(0, TEXT_KEEP),
      mail.quotedText?.slice(0, TEXT_KEEP) ?? null,
      html,
      mail.messageId,
      mail.automatic?.reason ?? null,
      mail.automatic !== null || mail.autoReplySuppressed,
      pgArray(mail.bounce?.failedRecipients ?? []),
      mail.hasRemoteImages,
      at,
    ]),
  );
  await insertRows(
    em,
    'attachment_blobs',
    ['tenant_id', 'sha256', 'size', 'data', 'created_at'],
    [...blobs.values()],
    'on conflict (tenant_id, sha256) do nothing',
  );
  await insertRows(
    em,
    'attachments',
    ['id', 'tenant_id', 'message_id', 'sha256', 'filename', 'content_type', 'size', 'uploaded_by_id', 'created_at', 'content_id', 'inline'],
    attachments,
  );
  for (const bounce of bounces)
    await sql(
      em,
      `update messages set bounced_recipients = (select array(select distinct unnest(bounced_recipients || ?::text[]))) where tenant_id = ? and id = ?`,
      [pgArray(bounce.recipients), tenantId, bounce.messageId],
    );
  return placements;
}

/**
 * Existing tickets that got mail: activity, unread, and "customer replied" when a person wrote to a
 * waiting or closed one (with its history row). Returns each ticket's department.
 */
async function touchTickets(
  em: EntityManager,
  tenantId: string,
  touches: ReadonlyMap<string, Touch>,
  replied: { id: string; key: string; category: StatusCategory },
  statuses: TenantFacts['statuses'],
  history: unknown[][],
): Promise<Map<string, string>> {
  const ids = [...touches.keys()];
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; department_id: string; old_status_id: string; reopened: boolean }>(
    em,
    `with old as (select id, status_id, status_category from tickets where tenant_id = ? and id = any(?::uuid[]) for update),
          v as (select * from unnest(?::uuid[], ?::boolean[], ?::timestamptz[]) as v(id, reopen, at))
     update tickets t set last_activity_at = v.at, last_customer_activity_at = v.at, updated_at = v.at, unread = true, version = t.version + 1,
            status_id = case when v.reopen and old.status_category <> 'open' then ?::uuid else t.status_id end,
            status_category = case when v.reopen and old.status_category <> 'open' then ? else t.status_category end
       from old, v where t.tenant_id = ? and t.id = old.id and v.id = old.id
     returning t.id, t.department_id, old.status_id as old_status_id, (v.reopen and old.status_category <> 'open') as reopened`,
    [
      tenantId,
      pgArray(ids),
      pgArray(ids),
      `{${ids.map((id) => touches.get(id)!.reopen).join(',')}}`,
      pgArray(ids.map((id) => touches.get(id)!.at.toISOString())),
      replied.id,
      replied.category,
      tenantId,
    ],
  );
  for (const row of rows) {
    if (!row.reopened) continue;
    const touch = touches.get(row.id)!;
    const previous = statuses.find((s) => s.id === row.old_status_id)?.key ?? null;
    history.push([randomUUID(), tenantId, row.id, null, touch.reopenedBy, touch.reopenedAt, 'status', previous, replied.key]);
  }
  return new Map(rows.map((row) => [row.id, row.department_id]));
}

let lastImportAt = 0;

/**
 * When a mail was imported: now, but always later than the mail imported before it in this process.
 * A batch is placed within a millisecond, and a thread is shown in the order of these times; equal
 * times would let a reply show above the mail it answers.
 */
function importClock(): Date {
  lastImportAt = Math.max(Date.now(), lastImportAt + 1);
  return new Date(lastImportAt);
}

function ticketSubject(subject: string): string {
  const trimmed = subject.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return '(no subject)';
  return trimmed.length > SUBJECT_MAX ? `${trimmed.slice(0, SUBJECT_MAX - 1)}…` : trimmed;
}
