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

/**
 * Finds the ticket a mail belongs to, strongest evidence first: our own signed Message-IDs in
 * In-Reply-To/References; those headers matched against stored Message-IDs; for a bounce, the
 * original message's id; the subject token `[#<number>]`, but only from the ticket's customers or
 * addresses already in its thread (so a stranger cannot post into a ticket by guessing a number).
 * A merged ticket leads to the ticket it was merged into.
 */
export async function findThread(
  em: EntityManager,
  signer: MessageIdSigner,
  tenantId: string,
  mail: ParsedMail,
  sender: string | null,
): Promise<ThreadMatch | null> {
  const referenced = [...mail.inReplyTo, ...[...mail.references].reverse()];
  if (mail.bounce?.originalMessageId) {
    const original = await messageByMailId(em, tenantId, [mail.bounce.originalMessageId]);
    if (original) return follow(em, tenantId, { ticketId: original.ticketId, by: 'bounce', bouncedMessageId: original.id });
    const signed = signer.ticketOf(tenantId, mail.bounce.originalMessageId);
    if (signed && (await ticketExists(em, tenantId, signed))) return follow(em, tenantId, { ticketId: signed, by: 'bounce', bouncedMessageId: null });
  }
  for (const id of referenced) {
    const signed = signer.ticketOf(tenantId, id);
    if (signed && (await ticketExists(em, tenantId, signed))) return follow(em, tenantId, { ticketId: signed, by: 'signed-id', bouncedMessageId: null });
  }
  const stored = await messageByMailId(em, tenantId, referenced);
  if (stored) return follow(em, tenantId, { ticketId: stored.ticketId, by: 'references', bouncedMessageId: null });
  const token = SUBJECT_TOKEN.exec(mail.subject);
  if (token && sender) {
    const rows = await sql<{ id: string }>(em, 'select id from tickets where tenant_id = ? and number = ?', [tenantId, Number(token[1])]);
    const ticketId = rows[0]?.id;
    if (ticketId && (await mayUseToken(em, tenantId, ticketId, sender))) return follow(em, tenantId, { ticketId, by: 'subject-token', bouncedMessageId: null });
  }
  return null;
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

async function messageByMailId(em: EntityManager, tenantId: string, ids: readonly string[]): Promise<{ id: string; ticketId: string } | null> {
  const wanted = [...new Set(ids.filter((id) => id.length > 0 && id.length <= 998))].slice(0, 100);
  if (wanted.length === 0) return null;
  const rows = await sql<{ id: string; ticket_id: string; mail_message_id: string }>(
    em,
    'select id, ticket_id, mail_message_id from messages where tenant_id = ? and mail_message_id = any(?::text[])',
    [tenantId, pgArray(wanted)],
  );
  // The most direct reference wins (In-Reply-To, then the newest References entry).
  for (const id of wanted) {
    const row = rows.find((r) => r.mail_message_id === id);
    if (row) return { id: row.id, ticketId: row.ticket_id };
  }
  return null;
}

async function ticketExists(em: EntityManager, tenantId: string, id: string): Promise<boolean> {
  return (await sql(em, 'select 1 from tickets where tenant_id = ? and id = ?', [tenantId, id])).length > 0;
}

async function follow(em: EntityManager, tenantId: string, match: ThreadMatch): Promise<ThreadMatch> {
  let ticketId = match.ticketId;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const rows = await sql<{ merged_into_id: string | null }>(em, 'select merged_into_id from tickets where tenant_id = ? and id = ?', [tenantId, ticketId]);
    const next = rows[0]?.merged_into_id;
    if (!next) break;
    ticketId = next;
  }
  return { ...match, ticketId };
}
