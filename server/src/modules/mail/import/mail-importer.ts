import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../infra/logger.js';
import { insertRows, sql } from '../../../infra/sql.js';
import type { TresenPubSub } from '../../../realtime/pubsub.js';
import type { InboundMailEvent } from '../../../realtime/topics.js';
import { pgArray } from '../../tickets/ticket.filter.js';
import { SUBJECT_MAX } from '../../tickets/ticket.rules.js';
import { MailParseError, type MailLimits, type ParsedMail } from '../parsing/parse-mail.js';
import { MailReader, readMail } from '../parsing/mail-reader.js';
import type { MessageIdSigner } from '../threading/message-ids.js';
import type { Outbox } from '../smtp/outbox.js';
import { placeMails, type ImportMailbox } from './mail-placer.js';

export type { ImportMailbox } from './mail-placer.js';

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

/** Messages read by MailImporter.prepare, ready to import. */
export interface PreparedBatch {
  readonly prepared: readonly Prepared[];
}

interface Prepared {
  readonly message: ServerMessage;
  readonly sha256: string;
  readonly parsed: ParsedMail | MailParseError;
  readonly receivedAt: Date;
}

/** An outcome with the department its ticket is in (for the events after the commit). */
type Written = { outcome: ImportOutcome; departmentId: string | null };

/**
 * Turns server messages into tickets or messages on tickets. A batch (the messages of one fetch) is
 * one transaction with each message's bookkeeping row (mailbox, UIDVALIDITY, UID — unique) and raw
 * mail, written with a handful of statements for the whole batch. Should the batch fail, its
 * messages are imported again one at a time, so one bad message cannot hold back the others. A
 * message that cannot be parsed or breaks a limit is kept as a failed row with its reason; the
 * mailbox moves on. Events are published only after the commit. Safe to call twice for the same
 * message: the second is "already".
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
    /** Parses mail (on worker threads when it has them); by default on this thread. */
    private readonly reader: MailReader = new MailReader(limits, 0),
  ) {}

  async import(mailbox: ImportMailbox, message: ServerMessage): Promise<ImportOutcome> {
    return (await this.importBatch(mailbox, [message]))[0]!;
  }

  /** Imports messages of one mailbox in one transaction, in the given order; outcomes in the same order. */
  async importBatch(mailbox: ImportMailbox, messages: readonly ServerMessage[]): Promise<ImportOutcome[]> {
    return this.importPrepared(mailbox, await this.prepare(messages));
  }

  /**
   * Reads (parses) messages for importPrepared. Separate so that a caller can read the next batch
   * while the database writes the previous one.
   */
  async prepare(messages: readonly ServerMessage[]): Promise<PreparedBatch> {
    const parsed = await this.reader.read(messages.map((message) => message.raw));
    return {
      prepared: messages.map((message, i) => ({
        message,
        sha256: createHash('sha256').update(message.raw).digest('hex'),
        parsed: parsed[i]!,
        receivedAt: message.receivedAt ?? new Date(),
      })),
    };
  }

  /** importBatch for messages already read by prepare. */
  async importPrepared(mailbox: ImportMailbox, batch: PreparedBatch): Promise<ImportOutcome[]> {
    const { prepared } = batch;
    const messages = prepared.map((p) => p.message);
    if (messages.length === 0) return [];
    let written: Written[];
    try {
      written = await this.em.fork().transactional((em) => this.writeBatch(em, mailbox, prepared));
    } catch (error) {
      if (messages.length === 1) throw error;
      this.logger.warn(
        { mailboxId: mailbox.id, err: error instanceof Error ? error.message : String(error) },
        'batch import failed; importing its mails one at a time',
      );
      const outcomes: ImportOutcome[] = [];
      for (const message of messages) outcomes.push(await this.import(mailbox, message));
      return outcomes;
    }
    const mails: InboundMailEvent[] = [];
    for (const [i, { outcome, departmentId }] of written.entries()) {
      if (outcome.status === 'failed') this.logger.warn({ mailboxId: mailbox.id, uid: messages[i]!.uid, reason: outcome.reason }, 'mail kept as failed');
      if (outcome.status === 'imported') mails.push(inboundMail(mailbox, outcome, departmentId ?? mailbox.departmentId));
    }
    await this.publishImported(mailbox, mails);
    if (written.some(({ outcome }) => outcome.status !== 'already')) await this.publishMailboxChanged(mailbox);
    return written.map(({ outcome }) => outcome);
  }

  private async writeBatch(em: EntityManager, mailbox: ImportMailbox, prepared: readonly Prepared[]): Promise<Written[]> {
    // Imports of one mailbox run one at a time across all processes; the unique key is the last guard.
    await sql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`mailbox:${mailbox.id}`]);
    const position = (m: ServerMessage) => `${m.uidValidity}:${m.uid}`;
    const seen = await sql<{ uid_validity: string; uid: string }>(
      em,
      'select uid_validity, uid from inbound_mails where tenant_id = ? and mailbox_id = ? and uid_validity = any(?::bigint[]) and uid = any(?::bigint[])',
      [mailbox.tenantId, mailbox.id, pgArray(prepared.map((p) => p.message.uidValidity)), pgArray(prepared.map((p) => p.message.uid))],
    );
    const already = new Set(seen.map((row) => `${row.uid_validity}:${row.uid}`));
    // The same mail seen again (a UIDVALIDITY reset, or moved back into the folder): same bytes, same id.
    const identity = (sha256: string, headerId: string | null) => `${sha256}\n${headerId ?? ''}`;
    const twins = new Map<string, string>();
    const readable = prepared.filter((p) => !(p.parsed instanceof MailParseError));
    if (readable.length > 0) {
      const rows = await sql<{ uid: string; raw_sha256: string; message_id_header: string | null }>(
        em,
        `select uid, raw_sha256, message_id_header from inbound_mails where tenant_id = ? and mailbox_id = ? and raw_sha256 = any(?::text[]) and status <> 'failed' order by imported_at, uid`,
        [mailbox.tenantId, mailbox.id, pgArray(readable.map((p) => p.sha256))],
      );
      for (const row of rows)
        if (!twins.has(identity(row.raw_sha256, row.message_id_header))) twins.set(identity(row.raw_sha256, row.message_id_header), row.uid);
    }

    const written: (Written & { row?: InboundRow })[] = [];
    const toPlace: { parsed: ParsedMail; index: number }[] = [];
    for (const p of prepared) {
      const key = position(p.message);
      if (already.has(key)) {
        written.push({ outcome: { status: 'already' }, departmentId: null });
        continue;
      }
      already.add(key);
      const inboundId = randomUUID();
      const row: InboundRow = { inboundId, prepared: p, status: 'failed', reason: null, ticketId: null, messageId: null };
      if (p.parsed instanceof MailParseError) {
        Object.assign(row, { reason: p.parsed.reason });
        written.push({ outcome: { status: 'failed', inboundId, reason: p.parsed.reason }, departmentId: null, row });
        continue;
      }
      const twin = twins.get(identity(p.sha256, p.parsed.messageId));
      if (twin !== undefined) {
        const reason = `The same message was imported before (UID ${twin}).`;
        Object.assign(row, { status: 'duplicate', reason });
        written.push({ outcome: { status: 'duplicate', inboundId, reason }, departmentId: null, row });
        continue;
      }
      twins.set(identity(p.sha256, p.parsed.messageId), String(p.message.uid));
      toPlace.push({ parsed: p.parsed, index: written.length });
      // Its outcome comes from placeMails below.
      written.push({ outcome: { status: 'already' }, departmentId: null, row });
    }

    const placements = await placeMails(
      em,
      { signer: this.signer, outbox: this.outbox },
      mailbox,
      toPlace.map((t) => t.parsed),
    );
    if (placements.length !== toPlace.length) throw new Error(`placeMails answered ${placements.length} of ${toPlace.length} mails.`);
    for (const [i, placement] of placements.entries()) {
      const entry = written[toPlace[i]!.index]!;
      const row = entry.row!;
      if (placement.status === 'imported') {
        Object.assign(row, { status: 'imported', ticketId: placement.ticketId, messageId: placement.messageId });
        entry.outcome = {
          status: 'imported',
          inboundId: row.inboundId,
          ticketId: placement.ticketId,
          messageId: placement.messageId,
          createdTicket: placement.createdTicket,
        };
        entry.departmentId = placement.departmentId;
      } else {
        Object.assign(row, { status: placement.status, reason: placement.reason });
        entry.outcome = { status: placement.status, inboundId: row.inboundId, reason: placement.reason };
      }
    }
    const rows = written.flatMap((entry) => (entry.row ? [entry.row] : []));
    await insertRows(
      em,
      'inbound_mails',
      [
        'id',
        'tenant_id',
        'mailbox_id',
        'uid_validity',
        'uid',
        'message_id_header',
        'raw_sha256',
        'raw',
        'size',
        'subject',
        'from_address',
        'status',
        'reason',
        'ticket_id',
        'message_id',
        'received_at',
        'imported_at',
      ],
      rows.map(({ inboundId, prepared: p, status, reason, ticketId, messageId }) => {
        const parsed = p.parsed instanceof MailParseError ? null : p.parsed;
        return [
          inboundId,
          mailbox.tenantId,
          mailbox.id,
          p.message.uidValidity,
          p.message.uid,
          parsed?.messageId ?? null,
          p.sha256,
          p.message.raw,
          p.message.raw.length,
          parsed ? parsed.subject.slice(0, SUBJECT_MAX) : null,
          parsed?.from?.address.toLowerCase() ?? null,
          status,
          reason,
          ticketId,
          messageId,
          p.receivedAt,
          new Date(),
        ];
      }),
    );
    await this.advance(
      em,
      mailbox,
      rows.map((row) => row.prepared.message),
    );
    return written.map(({ outcome, departmentId }) => ({ outcome, departmentId }));
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
    const parsed = await readMail(found.raw, this.limits);
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
      const target = (await placeMails(em, { signer: this.signer, outbox: this.outbox }, mailbox, [parsed]))[0]!;
      if (target.status !== 'imported') {
        await sql(em, 'update inbound_mails set status = ?, reason = ?, retried_at = now() where id = ?', [target.status, target.reason, inboundId]);
        return { status: target.status, reason: target.reason, inboundId };
      }
      await sql(em, "update inbound_mails set status = 'imported', reason = null, ticket_id = ?, message_id = ?, retried_at = now() where id = ?", [
        target.ticketId,
        target.messageId,
        inboundId,
      ]);
      const { ticketId, messageId, createdTicket, departmentId } = target;
      published = () => this.publishImported(mailbox, [inboundMail(mailbox, { ticketId, messageId, createdTicket }, departmentId)]);
      return { status: 'imported', inboundId, ticketId, messageId, createdTicket } as const;
    });
    if (published) await (published as () => Promise<void>)();
    await this.publishMailboxChanged(mailbox);
    return outcome;
  }

  /** Moves the mailbox's import position forward (never back) in the same transaction. */
  private async advance(em: EntityManager, mailbox: ImportMailbox, messages: readonly ServerMessage[]): Promise<void> {
    const last = new Map<number, number>();
    for (const m of messages) last.set(m.uidValidity, Math.max(last.get(m.uidValidity) ?? 0, m.uid));
    for (const [uidValidity, uid] of last)
      await sql(
        em,
        `insert into mailbox_states (mailbox_id, tenant_id, uid_validity, last_uid, last_import_at, updated_at) values (?, ?, ?, ?, now(), now())
         on conflict (mailbox_id) do update set
           last_uid = case when mailbox_states.uid_validity is distinct from excluded.uid_validity then excluded.last_uid else greatest(mailbox_states.last_uid, excluded.last_uid) end,
           uid_validity = excluded.uid_validity, last_import_at = now(), updated_at = now()`,
        [mailbox.id, mailbox.tenantId, uidValidity, uid],
      );
  }

  /** After the commit: each mail's ticket and thread change, then the batch's new mail in one event. */
  private async publishImported(mailbox: ImportMailbox, mails: readonly InboundMailEvent[]): Promise<void> {
    const { tenantId } = mailbox;
    for (const mail of mails) {
      const { ticketId, messageId, departmentId } = mail;
      await this.pubSub.publish('ticketChanged', tenantId, {
        kind: mail.createdTicket ? 'CREATED' : 'UPDATED',
        ticketId,
        departmentId,
        previousDepartmentId: null,
      });
      await this.pubSub.publish('messageAdded', tenantId, { ticketId, messageId, departmentId });
    }
    if (mails.length > 0) await this.pubSub.publish('inboundMail', tenantId, { mails });
  }

  private async publishMailboxChanged(mailbox: ImportMailbox): Promise<void> {
    await this.pubSub.publish('mailboxChanged', mailbox.tenantId, { mailboxId: mailbox.id, departmentId: mailbox.departmentId, deleted: false });
  }
}

function inboundMail(mailbox: ImportMailbox, mail: { ticketId: string; messageId: string; createdTicket: boolean }, departmentId: string): InboundMailEvent {
  return { ticketId: mail.ticketId, messageId: mail.messageId, createdTicket: mail.createdTicket, departmentId, mailboxId: mailbox.id };
}

/** An inbound_mails row about to be written. */
interface InboundRow {
  inboundId: string;
  prepared: Prepared;
  status: 'imported' | 'duplicate' | 'ignored' | 'failed';
  reason: string | null;
  ticketId: string | null;
  messageId: string | null;
}
