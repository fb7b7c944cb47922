import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../infra/sql.js';
import { pgArray } from '../../tickets/ticket.filter.js';
import type { ParsedMail } from '../parsing/parse-mail.js';
import type { MessageIdSigner } from './message-ids.js';

export interface ThreadMatch {
  readonly ticketId: string;
  /** How it was found, strongest first. */
  readonly by: 'signed-id' | 'references' | 'bounce' | 'subject-token';
  /** For a bounce: our message that bounced. */
  readonly bouncedMessageId: string | null;
}

const SUBJECT_TOKEN = /\[#(\d{1,9})\]/;
const MAX_MERGE_HOPS = 10;
/** Referenced ids looked at per mail (a References header can be long). */
const MAX_REFERENCES = 100;

interface StoredMessage {
  readonly id: string;
  readonly ticketId: string;
}

/**
 * Finds the ticket each mail of an import belongs to, strongest evidence first: our own signed
 * Message-IDs in In-Reply-To/References; those headers matched against stored Message-IDs; for a
 * bounce, the original message's id; the subject token `[#<number>]`, but only from the ticket's
 * customers or addresses already in its thread (so a stranger cannot post into a ticket by guessing
 * a number). A merged ticket leads to the ticket it was merged into.
 *
 * Loads what the whole batch references in two statements; `find` then answers in order, and
 * `remember` adds each placed mail so that a later mail of the same batch can answer it. (A
 * ticket made in the batch is not found by its subject token: its number reaches nobody before
 * the batch commits.)
 */
export class ThreadFinder {
  /** Stored and remembered messages by Message-ID; the first stored one wins. */
  private readonly byMailId = new Map<string, StoredMessage>();
  /** Tickets the batch references: whether they exist, and where they were merged to. */
  private readonly tickets = new Map<string, { mergedIntoId: string | null }>();
  private readonly byNumber = new Map<number, string>();
  /** Addresses that took part in a ticket's thread within this batch (not yet in the database's answer). */
  private readonly participants = new Map<string, Set<string>>();

  private constructor(
    private readonly signer: MessageIdSigner,
    private readonly tenantId: string,
  ) {}

  static async load(em: EntityManager, signer: MessageIdSigner, tenantId: string, mails: readonly ParsedMail[]): Promise<ThreadFinder> {
    const finder = new ThreadFinder(signer, tenantId);
    const mailIds = new Set<string>();
    const signedTickets = new Set<string>();
    const numbers = new Set<number>();
    for (const mail of mails) {
      const ids = referencedIds(mail);
      if (mail.bounce?.originalMessageId) ids.push(mail.bounce.originalMessageId);
      for (const id of ids) {
        if (id.length > 0 && id.length <= 998) mailIds.add(id);
        const signed = signer.ticketOf(tenantId, id);
        if (signed) signedTickets.add(signed);
      }
      const token = SUBJECT_TOKEN.exec(mail.subject);
      if (token) numbers.add(Number(token[1]));
    }
    if (mailIds.size > 0) {
      const rows = await sql<{ id: string; ticket_id: string; mail_message_id: string }>(
        em,
        'select id, ticket_id, mail_message_id from messages where tenant_id = ? and mail_message_id = any(?::text[])',
        [tenantId, pgArray([...mailIds])],
      );
      for (const row of rows) {
        if (!finder.byMailId.has(row.mail_message_id)) finder.byMailId.set(row.mail_message_id, { id: row.id, ticketId: row.ticket_id });
        signedTickets.add(row.ticket_id);
      }
    }
    if (signedTickets.size > 0 || numbers.size > 0) {
      const rows = await sql<{ id: string; number: number; merged_into_id: string | null }>(
        em,
        'select id, number, merged_into_id from tickets where tenant_id = ? and (id = any(?::uuid[]) or number = any(?::int[]))',
        [tenantId, pgArray([...signedTickets]), pgArray([...numbers])],
      );
      for (const row of rows) {
        finder.tickets.set(row.id, { mergedIntoId: row.merged_into_id });
        if (numbers.has(row.number)) finder.byNumber.set(row.number, row.id);
      }
    }
    return finder;
  }

  /** The ticket the mail belongs to, or null for a new ticket. */
  async find(em: EntityManager, mail: ParsedMail, sender: string | null): Promise<ThreadMatch | null> {
    const original = mail.bounce?.originalMessageId;
    if (original) {
      const message = this.byMailId.get(original);
      if (message) return this.follow(em, { ticketId: message.ticketId, by: 'bounce', bouncedMessageId: message.id });
      const signed = this.signer.ticketOf(this.tenantId, original);
      if (signed && this.tickets.has(signed)) return this.follow(em, { ticketId: signed, by: 'bounce', bouncedMessageId: null });
    }
    const referenced = referencedIds(mail);
    for (const id of referenced) {
      const signed = this.signer.ticketOf(this.tenantId, id);
      if (signed && this.tickets.has(signed)) return this.follow(em, { ticketId: signed, by: 'signed-id', bouncedMessageId: null });
    }
    // The most direct reference wins (In-Reply-To, then the newest References entry).
    for (const id of referenced) {
      const message = this.byMailId.get(id);
      if (message) return this.follow(em, { ticketId: message.ticketId, by: 'references', bouncedMessageId: null });
    }
    const token = SUBJECT_TOKEN.exec(mail.subject);
    const ticketId = token && sender ? this.byNumber.get(Number(token[1])) : undefined;
    if (ticketId && sender && (this.participants.get(ticketId)?.has(sender) || (await mayUseToken(em, this.tenantId, ticketId, sender))))
      return this.follow(em, { ticketId, by: 'subject-token', bouncedMessageId: null });
    return null;
  }

  /** A mail of this batch now placed on a ticket: later mails may answer it. */
  remember(mail: ParsedMail, sender: string | null, ticket: { id: string; isNew: boolean }, messageId: string): void {
    if (ticket.isNew) this.tickets.set(ticket.id, { mergedIntoId: null });
    if (mail.messageId && mail.messageId.length <= 998 && !this.byMailId.has(mail.messageId))
      this.byMailId.set(mail.messageId, { id: messageId, ticketId: ticket.id });
    let known = this.participants.get(ticket.id);
    if (!known) this.participants.set(ticket.id, (known = new Set()));
    for (const address of [sender, ...mail.to.map((a) => a.address.toLowerCase()), ...mail.cc.map((a) => a.address.toLowerCase())])
      if (address) known.add(address);
  }

  private async follow(em: EntityManager, match: ThreadMatch): Promise<ThreadMatch> {
    let ticketId = match.ticketId;
    let next = this.tickets.get(ticketId)?.mergedIntoId ?? null;
    for (let hop = 0; hop < MAX_MERGE_HOPS && next; hop++) {
      ticketId = next;
      const rows = await sql<{ merged_into_id: string | null }>(em, 'select merged_into_id from tickets where tenant_id = ? and id = ?', [
        this.tenantId,
        ticketId,
      ]);
      next = rows[0]?.merged_into_id ?? null;
    }
    return { ...match, ticketId };
  }
}

/** In-Reply-To, then References newest first; unique, at most MAX_REFERENCES. */
function referencedIds(mail: ParsedMail): string[] {
  return [...new Set([...mail.inReplyTo, ...[...mail.references].reverse()].filter((id) => id.length > 0 && id.length <= 998))].slice(0, MAX_REFERENCES);
}

/** The sender is a contact of one of the ticket's customers, or already took part in its thread. */
async function mayUseToken(em: EntityManager, tenantId: string, ticketId: string, sender: string): Promise<boolean> {
  const rows = await sql<{ ok: boolean }>(
    em,
    `select exists (
       select 1 from contacts k where k.tenant_id = ? and k.email = ? and k.customer_id in (
         select customer_id from tickets where tenant_id = ? and id = ? and customer_id is not null
         union select customer_id from ticket_customers where tenant_id = ? and ticket_id = ?)
     ) or exists (
       select 1 from messages m where m.tenant_id = ? and m.ticket_id = ? and m.kind <> 'note'
          and (m.from_address = ? or ? = any(m.to_addresses) or ? = any(m.cc_addresses))
     ) as ok`,
    [tenantId, sender, tenantId, ticketId, tenantId, ticketId, tenantId, ticketId, sender, sender, sender],
  );
  return rows[0]?.ok === true;
}
