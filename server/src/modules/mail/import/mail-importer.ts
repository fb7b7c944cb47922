import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../infra/logger.js';
import { sql } from '../../../infra/sql.js';
import type { TresenPubSub } from '../../../realtime/pubsub.js';
import { Message } from '../../messages/message.entity.js';
import { Ticket, TicketHistory, TicketStatus } from '../../tickets/ticket.entity.js';
import { nextTicketNumber } from '../../tickets/ticket-numbers.js';
import { pgArray } from '../../tickets/ticket.filter.js';
import { SUBJECT_MAX } from '../../tickets/ticket.rules.js';
import { MailParseError, parseMail, type MailLimits, type ParsedMail } from '../parsing/parse-mail.js';
import type { MessageIdSigner } from '../threading/message-ids.js';
import { findThread } from '../threading/thread-finder.js';
import { queueAutoReply } from '../smtp/auto-reply.js';
import type { Outbox } from '../smtp/outbox.js';
import { ensureContact } from './sender-contact.js';

/** The mailbox facts an import needs. */
export interface ImportMailbox {
  readonly id: string;
  readonly tenantId: string;
  readonly departmentId: string;
}

/** One message as the IMAP server has it. */
export interface ServerMessage {
  readonly uidValidity: number;
  readonly uid: number;
  readonly raw: Buffer;
  readonly receivedAt: Date | null;
}

export type ImportOutcome =
  | { status: 'already' }
  | { status: 'imported'; inboundId: string; ticketId: string; messageId: string; createdTicket: boolean }
  | { status: 'duplicate' | 'ignored' | 'failed'; inboundId: string; reason: string };

/** Mail text kept per message; the full mail stays in the raw copy. Keeps the search index within PostgreSQL's limits. */
const TEXT_KEEP = 200_000;

/**
 * Turns one server message into a ticket or a message on a ticket, in one transaction with its
 * bookkeeping row (mailbox, UIDVALIDITY, UID — unique) and the raw mail. A message that cannot be
 * parsed or breaks a limit is kept as a failed row with its reason; the mailbox moves on. Events are
 * published only after the commit. Safe to call twice for the same message: the second is "already".
 */
export class MailImporter {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: TresenPubSub,
    private readonly signer: MessageIdSigner,
    private readonly limits: MailLimits,
    private readonly logger: Logger,
    /** Where acknowledgements of new tickets are queued; null: none are sent. */
    private readonly outbox: Outbox | null = null,
  ) {}

  async import(mailbox: ImportMailbox, message: ServerMessage): Promise<ImportOutcome> {
    const sha256 = createHash('sha256').update(message.raw).digest('hex');
    const parsed = await this.parse(message.raw);
    const receivedAt = message.receivedAt ?? new Date();
    let published: (() => Promise<void>) | null = null;
    const outcome = await this.em.fork().transactional(async (em) => {
      // Imports of one mailbox run one at a time across all processes; the unique key is the last guard.
      await sql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`mailbox:${mailbox.id}`]);
      const seen = await sql<{ id: string }>(em, 'select id from inbound_mails where tenant_id = ? and mailbox_id = ? and uid_validity = ? and uid = ?', [
        mailbox.tenantId,
        mailbox.id,
        message.uidValidity,
        message.uid,
      ]);
      if (seen.length > 0) return { status: 'already' } as const;
      const inboundId = randomUUID();
      const row = { inboundId, mailbox, message, sha256, receivedAt };
      const result = await this.decide(em, row, parsed);
      await this.advance(em, mailbox, message);
      if (result.status === 'imported') published = () => this.publishImported(mailbox, result);
      return result;
    });
    if (outcome.status === 'failed') this.logger.warn({ mailboxId: mailbox.id, uid: message.uid, reason: outcome.reason }, 'mail kept as failed');
    if (published) await (published as () => Promise<void>)();
    if (outcome.status !== 'already' && outcome.status !== 'imported') await this.publishMailboxChanged(mailbox);
    return outcome;
  }

  /** Imports a failed mail again (after a fix or a raised limit). Returns the new outcome. */
  async retry(tenantId: string, inboundId: string): Promise<ImportOutcome | null> {
    const rows = await sql<{ raw: Buffer; mailbox_id: string; department_id: string; received_at: Date | string; raw_sha256: string }>(
      this.em,
      `select i.raw, i.mailbox_id, m.department_id, i.received_at, i.raw_sha256 from inbound_mails i join mailboxes m on m.id = i.mailbox_id
        where i.tenant_id = ? and i.id = ? and i.status = 'failed'`,
      [tenantId, inboundId],
    );
    const found = rows[0];
    if (!found) return null;
    const mailbox: ImportMailbox = { id: found.mailbox_id, tenantId, departmentId: found.department_id };
    const parsed = await this.parse(found.raw);
    let published: (() => Promise<void>) | null = null;
    const outcome = await this.em.fork().transactional(async (em) => {
      const locked = await sql<{ id: string }>(em, "select id from inbound_mails where tenant_id = ? and id = ? and status = 'failed' for update", [
        tenantId,
        inboundId,
      ]);
      if (locked.length === 0) return { status: 'already' } as const;
      if (parsed instanceof MailParseError) {
        await sql(em, 'update inbound_mails set reason = ?, retried_at = now() where id = ?', [parsed.reason, inboundId]);
        return { status: 'failed', inboundId, reason: parsed.reason } as const;
      }
      const target = await this.place(em, mailbox, parsed);
      if (target.status !== 'imported') {
        await sql(em, 'update inbound_mails set status = ?, reason = ?, retried_at = now() where id = ?', [target.status, target.reason, inboundId]);
        return { ...target, inboundId };
      }
      await sql(em, "update inbound_mails set status = 'imported', reason = null, ticket_id = ?, message_id = ?, retried_at = now() where id = ?", [
        target.ticketId,
        target.messageId,
        inboundId,
      ]);
      const result = { ...target, inboundId };
      published = () => this.publishImported(mailbox, result);
      return result;
    });
    if (published) await (published as () => Promise<void>)();
    await this.publishMailboxChanged(mailbox);
    return outcome;
  }

  private async parse(raw: Buffer): Promise<ParsedMail | MailParseError> {
    try {
      return await parseMail(raw, this.limits);
    } catch (error) {
      if (error instanceof MailParseError) return error;
      // A parser bug must not stop the mailbox: keep the mail as failed with what went wrong.
      return new MailParseError(`The message could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async decide(
    em: EntityManager,
    row: { inboundId: string; mailbox: ImportMailbox; message: ServerMessage; sha256: string; receivedAt: Date },
    parsed: ParsedMail | MailParseError,
  ): Promise<ImportOutcome> {
    const { inboundId, mailbox, message, sha256, receivedAt } = row;
    const headerId = parsed instanceof MailParseError ? null : parsed.messageId;
    const insert = async (status: string, reason: string | null, ticketId: string | null, messageId: string | null) => {
      await sql(
        em,
        `insert into inbound_mails (id, tenant_id, mailbox_id, uid_validity, uid, message_id_header, raw_sha256, raw, size, subject, from_address,
           status, reason, ticket_id, message_id, received_at, imported_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())`,
        [
          inboundId,
          mailbox.tenantId,
          mailbox.id,
          message.uidValidity,
          message.uid,
          headerId,
          sha256,
          message.raw,
          message.raw.length,
          parsed instanceof MailParseError ? null : parsed.subject.slice(0, SUBJECT_MAX),
          parsed instanceof MailParseError ? null : (parsed.from?.address.toLowerCase() ?? null),
          status,
          reason,
          ticketId,
          messageId,
          receivedAt,
        ],
      );
    };
    if (parsed instanceof MailParseError) {
      await insert('failed', parsed.reason, null, null);
      return { status: 'failed', inboundId, reason: parsed.reason };
    }
    // The same mail seen again (a UIDVALIDITY reset, or moved back into the folder): same bytes, same id.
    const twin = await sql<{ uid: string }>(
      em,
      `select uid from inbound_mails where tenant_id = ? and mailbox_id = ? and raw_sha256 = ? and message_id_header is not distinct from ? and status <> 'failed' limit 1`,
      [mailbox.tenantId, mailbox.id, sha256, headerId],
    );
    if (twin.length > 0) {
      const reason = `The same message was imported before (UID ${twin[0]!.uid}).`;
      await insert('duplicate', reason, null, null);
      return { status: 'duplicate', inboundId, reason };
    }
    const placed = await this.place(em, mailbox, parsed);
    if (placed.status !== 'imported') {
      await insert(placed.status, placed.reason, null, null);
      return { ...placed, inboundId };
    }
    await insert('imported', null, placed.ticketId, placed.messageId);
    return { ...placed, inboundId };
  }

  /** Threads the mail and writes the ticket and message (inside the caller's transaction). */
  private async place(
    em: EntityManager,
    mailbox: ImportMailbox,
    parsed: ParsedMail,
  ): Promise<{ status: 'imported'; ticketId: string; messageId: string; createdTicket: boolean } | { status: 'ignored'; reason: string }> {
    const tenantId = mailbox.tenantId;
    const sender = parsed.from?.address.trim().toLowerCase() ?? null;
    if (sender) {
      const own = await sql<{ address: string }>(em, 'select address from mailboxes where tenant_id = ? and address = ?', [tenantId, sender]);
      if (own.length > 0) return { status: 'ignored', reason: `Sent from our own address ${sender}; not turned into a ticket (mail loop protection).` };
    }
    const thread = await findThread(em, this.signer, tenantId, parsed, sender);
    const contact = sender ? await ensureContact(em, tenantId, sender, parsed.from?.name ?? '') : null;
    const now = new Date();
    const messageId = randomUUID();
    let ticketId: string;
    let createdTicket = false;
    let newTicketNumber: number | null = null;
    if (thread) {
      ticketId = thread.ticketId;
      await this.touchTicket(em, tenantId, ticketId, parsed, sender, now);
    } else {
      ticketId = randomUUID();
      createdTicket = true;
      const status = await em.findOneOrFail(TicketStatus, { tenantId, key: 'new' });
      const number = await nextTicketNumber(em, tenantId);
      newTicketNumber = number;
      em.create(Ticket, {
        id: ticketId,
        tenantId,
        number,
        subject: ticketSubject(parsed.subject),
        statusId: status.id,
        statusCategory: status.category,
        priority: 1,
        departmentId: mailbox.departmentId,
        channel: 'mail',
        customerId: contact?.customerId ?? null,
        contactId: contact?.contactId ?? null,
        customerName: contact?.customerName ?? null,
        handlerId: null,
        createdAt: now,
        updatedAt: now,
        lastActivityAt: now,
        lastCustomerActivityAt: now,
        unread: true,
      });
      em.create(TicketHistory, {
        tenantId,
        ticketId,
        actorUserId: null,
        actorLabel: sender ?? 'E-Mail',
        at: now,
        field: 'created',
        oldValue: null,
        newValue: `#${number}`,
      });
    }
    em.create(Message, {
      id: messageId,
      tenantId,
      ticketId,
      kind: 'inbound',
      authorUserId: null,
      authorContactId: contact?.contactId ?? null,
      fromAddress: sender,
      toAddresses: parsed.to.map((a) => a.address.toLowerCase()),
      ccAddresses: parsed.cc.map((a) => a.address.toLowerCase()),
      bodyText: parsed.newText.slice(0, TEXT_KEEP),
      quotedText: parsed.quotedText?.slice(0, TEXT_KEEP) ?? null,
      bodyHtml: null,
      mailMessageId: parsed.messageId,
      automaticReason: parsed.automatic?.reason ?? null,
      noAutoReply: parsed.automatic !== null || parsed.autoReplySuppressed,
      bouncedRecipients: parsed.bounce?.failedRecipients ?? [],
      hasRemoteImages: parsed.hasRemoteImages,
      createdAt: now,
    });
    await em.flush();
    if (newTicketNumber !== null && this.outbox) {
      await queueAutoReply(em, this.signer, this.outbox, {
        tenantId,
        mailboxId: mailbox.id,
        ticket: { id: ticketId, number: newTicketNumber, subject: ticketSubject(parsed.subject) },
        sender,
        senderName: parsed.from?.name ?? '',
        customerName: contact?.customerName ?? '',
        noAutoReply: parsed.automatic !== null || parsed.autoReplySuppressed,
      });
    }
    const html = await this.storeAttachments(em, tenantId, messageId, parsed);
    if (html !== null) await sql(em, 'update messages set body_html = ? where id = ?', [html, messageId]);
    if (parsed.bounce && thread?.bouncedMessageId) {
      await sql(
        em,
        `update messages set bounced_recipients = (select array(select distinct unnest(bounced_recipients || ?::text[]))) where tenant_id = ? and id = ?`,
        [pgArray(parsed.bounce.failedRecipients), tenantId, thread.bouncedMessageId],
      );
    }
    return { status: 'imported', ticketId, messageId, createdTicket };
  }

  /** A reply on an existing ticket: activity, unread, and "customer replied" when it was waiting or closed. */
  private async touchTicket(em: EntityManager, tenantId: string, ticketId: string, parsed: ParsedMail, sender: string | null, now: Date): Promise<void> {
    const ticket = await em.findOneOrFail(Ticket, { tenantId, id: ticketId });
    ticket.lastActivityAt = now;
    ticket.lastCustomerActivityAt = now;
    ticket.updatedAt = now;
    ticket.unread = true;
    // Automatic mail (out of office, bounces) never reopens a ticket; a person's answer does.
    if (!parsed.automatic && ticket.statusCategory !== 'open') {
      const replied = await em.findOneOrFail(TicketStatus, { tenantId, key: 'customer_replied' });
      const previous = await em.findOneOrFail(TicketStatus, { tenantId, id: ticket.statusId });
      em.create(TicketHistory, {
        tenantId,
        ticketId,
        actorUserId: null,
        actorLabel: sender ?? 'E-Mail',
        at: now,
        field: 'status',
        oldValue: previous.key,
        newValue: replied.key,
      });
      ticket.statusId = replied.id;
      ticket.statusCategory = replied.category;
    }
  }

  /** Stores attachments (content once per hash) and returns the HTML with cid: images pointing at them. */
  private async storeAttachments(em: EntityManager, tenantId: string, messageId: string, parsed: ParsedMail): Promise<string | null> {
    let html = parsed.html;
    for (const attachment of parsed.attachments) {
      const sha256 = createHash('sha256').update(attachment.content).digest('hex');
      await sql(
        em,
        'insert into attachment_blobs (tenant_id, sha256, size, data, created_at) values (?, ?, ?, ?, now()) on conflict (tenant_id, sha256) do nothing',
        [tenantId, sha256, attachment.content.length, attachment.content],
      );
      const id = randomUUID();
      await sql(
        em,
        `insert into attachments (id, tenant_id, message_id, sha256, filename, content_type, size, uploaded_by_id, created_at, content_id, inline)
         values (?, ?, ?, ?, ?, ?, ?, null, now(), ?, ?)`,
        [id, tenantId, messageId, sha256, attachment.filename, attachment.contentType, attachment.content.length, attachment.contentId, attachment.inline],
      );
      if (html && attachment.contentId) html = html.split(`cid:${attachment.contentId}`).join(`/attachments/${id}`);
    }
    return html;
  }

  /** Moves the mailbox's import position forward (never back) in the same transaction. */
  private async advance(em: EntityManager, mailbox: ImportMailbox, message: ServerMessage): Promise<void> {
    await sql(
      em,
      `insert into mailbox_states (mailbox_id, tenant_id, uid_validity, last_uid, last_import_at, updated_at) values (?, ?, ?, ?, now(), now())
       on conflict (mailbox_id) do update set
         last_uid = case when mailbox_states.uid_validity is distinct from excluded.uid_validity then excluded.last_uid else greatest(mailbox_states.last_uid, excluded.last_uid) end,
         uid_validity = excluded.uid_validity, last_import_at = now(), updated_at = now()`,
      [mailbox.id, mailbox.tenantId, message.uidValidity, message.uid],
    );
  }

  private async publishImported(mailbox: ImportMailbox, result: { ticketId: string; messageId: string; createdTicket: boolean }): Promise<void> {
    const rows = await sql<{ department_id: string }>(this.em, 'select department_id from tickets where tenant_id = ? and id = ?', [
      mailbox.tenantId,
      result.ticketId,
    ]);
    const departmentId = rows[0]?.department_id ?? mailbox.departmentId;
    const { tenantId } = mailbox;
    await this.pubSub.publish('ticketChanged', tenantId, {
      kind: result.createdTicket ? 'CREATED' : 'UPDATED',
      ticketId: result.ticketId,
      departmentId,
      previousDepartmentId: null,
    });
    await this.pubSub.publish('messageAdded', tenantId, { ticketId: result.ticketId, messageId: result.messageId, departmentId });
    await this.pubSub.publish('inboundMail', tenantId, { ...result, departmentId, mailboxId: mailbox.id });
    await this.publishMailboxChanged(mailbox);
  }

  private async publishMailboxChanged(mailbox: ImportMailbox): Promise<void> {
    await this.pubSub.publish('mailboxChanged', mailbox.tenantId, { mailboxId: mailbox.id, departmentId: mailbox.departmentId, deleted: false });
  }
}

function ticketSubject(subject: string): string {
  const trimmed = subject.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return '(no subject)';
  return trimmed.length > SUBJECT_MAX ? `${trimmed.slice(0, SUBJECT_MAX - 1)}…` : trimmed;
}
