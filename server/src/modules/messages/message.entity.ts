import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const MessageKind = { Inbound: 'inbound', Outbound: 'outbound', Note: 'note' } as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

export const SendStatus = { Queued: 'queued', Sending: 'sending', Sent: 'sent', Failed: 'failed' } as const;
export type SendStatus = (typeof SendStatus)[keyof typeof SendStatus];

/** A message in a ticket's thread: mail in, mail out, or an internal note (staff only). */
export const Message = defineEntity({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    ticketId: p.uuid(),
    kind: p.string().$type<MessageKind>(),
    authorUserId: p.uuid().nullable(),
    authorContactId: p.uuid().nullable(),
    fromAddress: p.string().nullable(),
    toAddresses: p.array().default([]),
    ccAddresses: p.array().default([]),
    bodyText: p.text(),
    /** Sanitized HTML, never raw. */
    bodyHtml: p.text().nullable(),
    /** Earlier conversation quoted in a mail, split off for display. */
    quotedText: p.text().nullable(),
    /** The mail's Message-ID header (without brackets), for threading replies. */
    mailMessageId: p.string().nullable(),
    /** Why this mail was classified automatic (auto-reply, bulk, bounce): never answer it automatically. */
    automaticReason: p.string().nullable(),
    /** Nothing may answer this message automatically (automatic mail, or the sender asked for no auto-replies). */
    noAutoReply: p.boolean().default(false),
    /** Recipients a bounce reported as failed (on the bounce and on the message that bounced). */
    bouncedRecipients: p.array().default([]),
    hasRemoteImages: p.boolean().default(false),
    /** Subject a reply was sent with. */
    subject: p.string().nullable(),
    bccAddresses: p.array().default([]),
    /** The address a reply leaves from. */
    mailboxId: p.uuid().nullable(),
    /** Outbound mail only: queued, sending, sent or failed. */
    sendStatus: p.string().$type<SendStatus>().nullable(),
    /** The mail server's words when sending failed (or is being retried). */
    sendError: p.text().nullable(),
    sendAttempts: p.integer().default(0),
    sentAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IMessage = InferEntity<typeof Message>;
