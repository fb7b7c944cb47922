import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../infra/sql.js';
import { Message } from '../../messages/message.entity.js';
import type { MessageIdSigner } from '../threading/message-ids.js';
import { composeBody, fillPlaceholders, subjectWithToken } from './compose.js';
import type { Outbox } from './outbox.js';

/** At most this many acknowledgements go to one address per hour, across all mailboxes of a tenant. */
export const AUTO_REPLIES_PER_HOUR = 3;

export interface AutoReplyCase {
  tenantId: string;
  mailboxId: string;
  ticket: { id: string; number: number; subject: string };
  /** The sender, lower-cased; null when the mail named none. */
  sender: string | null;
  senderName: string;
  customerName: string;
  /** Automatic mail (bounce, auto-reply, list) or a sender who asked for no automatic answers. */
  noAutoReply: boolean;
}

/** A mailbox's acknowledgement: its text, and what it is sent from and signed with. */
export interface AutoReplySettings {
  address: string;
  signature: string;
  auto_reply_subject: string;
  auto_reply_text: string;
  department: string;
}

/** The mailbox's acknowledgement, or null when it sends none (switched off, no text, or no sending). */
export async function autoReplySettings(em: EntityManager, tenantId: string, mailboxId: string): Promise<AutoReplySettings | null> {
  const [settings] = await sql<AutoReplySettings>(
    em,
    `select m.address, m.signature, m.auto_reply_subject, m.auto_reply_text, d.name as department from mailboxes m join departments d on d.id = m.department_id
      where m.tenant_id = ? and m.id = ? and m.auto_reply_enabled and m.smtp_enabled and m.auto_reply_text <> ''`,
    [tenantId, mailboxId],
  );
  return settings ?? null;
}

/**
 * Queues the acknowledgement of a new ticket (with the mailbox's settings from autoReplySettings),
 * in the import's transaction, unless something forbids it: never to automatic mail or to senders
 * who asked for none, and at most AUTO_REPLIES_PER_HOUR per recipient and hour, so two robots can
 * never keep each other busy. (Mail from our own addresses never becomes a ticket, and the sender
 * refuses automatic mail to them as well.) Returns the queued message's id, or null.
 */
export async function queueAutoReply(
  em: EntityManager,
  signer: MessageIdSigner,
  outbox: Outbox,
  mailbox: AutoReplySettings,
  reply: AutoReplyCase,
): Promise<string | null> {
  if (!reply.sender || reply.noAutoReply) return null;
  const values = {
    customerName: reply.customerName,
    contactName: reply.senderName,
    ticketNumber: String(reply.ticket.number),
    ticketSubject: reply.ticket.subject,
    agentName: '',
    department: mailbox.department,
    expectedDate: '',
  };
  return queueAutomaticMail(em, signer, outbox, {
    tenantId: reply.tenantId,
    mailboxId: reply.mailboxId,
    address: mailbox.address,
    signature: fillPlaceholders(mailbox.signature, values),
    ticket: reply.ticket,
    to: reply.sender,
    subject: fillPlaceholders(mailbox.auto_reply_subject.trim() || 'Re: {{ticketSubject}}', values),
    text: fillPlaceholders(mailbox.auto_reply_text, values),
  });
}

/** An automatic mail about a ticket, to one recipient, from one of the tenant's sending addresses. */
export interface AutomaticMail {
  tenantId: string;
  mailboxId: string;
  /** The sending address. */
  address: string;
  /** The address's signature, placeholders filled. */
  signature: string;
  ticket: { id: string; number: number };
  /** The recipient, lower-cased. */
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues an automatic mail (acknowledgement, confirmation, rating request) in the caller's
 * transaction: marked Auto-Submitted, never answerable automatically, and at most
 * AUTO_REPLIES_PER_HOUR per recipient and hour across the tenant, so two robots can never keep each
 * other busy. (The sender also refuses automatic mail to our own addresses.) Returns the queued
 * message's id, or null when the recipient's hourly allowance is used up.
 */
export async function queueAutomaticMail(em: EntityManager, signer: MessageIdSigner, outbox: Outbox, mail: AutomaticMail): Promise<string | null> {
  // One recipient's count is checked and raised by one transaction at a time.
  await sql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`auto-reply:${mail.tenantId}:${mail.to}`]);
  const [recent] = await sql<{ n: string }>(
    em,
    `select count(*) as n from messages where tenant_id = ? and auto_generated and created_at > now() - interval '1 hour' and to_addresses @> array[?]::text[]`,
    [mail.tenantId, mail.to],
  );
  if (Number(recent?.n ?? 0) >= AUTO_REPLIES_PER_HOUR) return null;
  const subject = mail.subject.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const body = composeBody({ text: mail.text, html: null, agentSignature: '', addressSignature: mail.signature, history: null });
  const id = randomUUID();
  em.create(Message, {
    id,
    tenantId: mail.tenantId,
    ticketId: mail.ticket.id,
    kind: 'outbound',
    authorUserId: null,
    fromAddress: mail.address,
    toAddresses: [mail.to],
    ccAddresses: [],
    subject: subjectWithToken(subject, mail.ticket.number),
    bodyText: body.text,
    bodyHtml: body.html,
    mailMessageId: signer.create(mail.tenantId, mail.ticket.id, mail.address.split('@')[1] ?? 'localhost'),
    mailboxId: mail.mailboxId,
    sendStatus: 'queued',
    autoGenerated: true,
    noAutoReply: true,
    createdAt: new Date(),
  });
  await em.flush();
  await outbox.enqueue(em, { tenantId: mail.tenantId, messageId: id });
  return id;
}
