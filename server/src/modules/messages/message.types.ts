import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import { MessageKindGql, StaffRefGql } from '../tickets/ticket.types.js';
import type { IMessage } from './message.entity.js';
import type { AttachmentRow } from './message.service.js';

@AccessRule('Attachments of messages on tickets the viewer may see.')
@ObjectType('Attachment', { description: 'A file attached to a message.' })
export class AttachmentGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => String, { description: 'Safe file name.' })
  filename!: string;
  @Field(() => String, { description: 'MIME type as received.' })
  contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;
  @Field(() => String, { description: 'Download URL (same origin; needs the session or token). Always served as a download.' })
  url!: string;
}

export function toAttachmentGql(row: AttachmentRow): AttachmentGql {
  return { id: row.id, filename: row.filename, contentType: row.content_type, size: row.size, url: `/attachments/${row.id}` };
}

export enum SendStatusGql {
  QUEUED = 'queued',
  SENDING = 'sending',
  SENT = 'sent',
  FAILED = 'failed',
}
registerEnumType(SendStatusGql, {
  name: 'SendStatus',
  description: 'How far sending a reply got: waiting in the outbox (also between retries), being sent, accepted by the mail server, or failed for good.',
});

@AccessRule('Messages of tickets the viewer may see; staff and API tokens only (notes included).')
@ObjectType('Message', { description: "A message in a ticket's thread." })
export class MessageGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => MessageKindGql, { description: 'Inbound, outbound or internal note.' })
  kind!: MessageKindGql;
  @Field(() => String, { nullable: true, description: 'Sender address of mail.' })
  from!: string | null;
  @Field(() => [String], { description: 'Recipients.' })
  to!: string[];
  @Field(() => [String], { description: 'Copy recipients.' })
  cc!: string[];
  @Field(() => String, { description: 'Plain text.' })
  text!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Sanitized HTML, or null. Remote images have no src; their address is in data-remote-src, loaded only when the reader asks.',
  })
  html!: string | null;
  @Field(() => String, { nullable: true, description: 'Earlier conversation quoted in a mail, split off from text for display.' })
  quotedText!: string | null;
  @Field(() => String, { nullable: true, description: 'The Message-ID header of a mail (without angle brackets).' })
  mailMessageId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Set when the mail is automatic (auto-reply, bulk, bounce): why. Nothing is ever sent to it automatically.',
  })
  automaticReason!: string | null;
  @Field(() => Boolean, {
    description: 'Nothing answers this message automatically: it is automatic mail, or its sender asked for no automatic answers (X-Auto-Response-Suppress).',
  })
  noAutoReply!: boolean;
  @Field(() => [String], { description: 'Recipients a bounce reported as failed (on the bounce and on the message that bounced).' })
  bouncedRecipients!: string[];
  @Field(() => Boolean, { description: 'The HTML refers to remote images (not loaded unless the reader asks).' })
  hasRemoteImages!: boolean;
  @Field(() => String, { nullable: true, description: 'Subject a reply was sent with (with the ticket token).' })
  subject!: string | null;
  @Field(() => [String], { description: 'Blind copy recipients of a reply.' })
  bcc!: string[];
  @Field(() => SendStatusGql, { nullable: true, description: 'Replies: how far sending got. Null for other messages.' })
  sendStatus!: SendStatusGql | null;
  @Field(() => String, { nullable: true, description: "Replies: the mail server's words when sending failed or is being retried." })
  sendError!: string | null;
  @Field(() => Int, { description: 'Replies: how often sending was tried.' })
  sendAttempts!: number;
  @Field(() => Date, { nullable: true, description: 'Replies: when the mail server accepted it.' })
  sentAt!: Date | null;
  @Field(() => Date, { description: 'When.' })
  createdAt!: Date;

  authorUserId!: string | null;
  tenantId!: string;
}

export function toMessageGql(message: IMessage): MessageGql {
  return {
    id: message.id,
    ticketId: message.ticketId,
    kind: message.kind as MessageKindGql,
    from: message.fromAddress ?? null,
    to: (message.toAddresses ?? []) as string[],
    cc: (message.ccAddresses ?? []) as string[],
    text: message.bodyText,
    html: message.bodyHtml ?? null,
    quotedText: message.quotedText ?? null,
    mailMessageId: message.mailMessageId ?? null,
    automaticReason: message.automaticReason ?? null,
    bouncedRecipients: (message.bouncedRecipients ?? []) as string[],
    hasRemoteImages: message.hasRemoteImages,
    noAutoReply: message.noAutoReply,
    subject: message.subject ?? null,
    bcc: (message.bccAddresses ?? []) as string[],
    sendStatus: (message.sendStatus ?? null) as SendStatusGql | null,
    sendError: message.sendError ?? null,
    sendAttempts: message.sendAttempts,
    sentAt: message.sentAt ?? null,
    createdAt: message.createdAt,
    authorUserId: message.authorUserId ?? null,
    tenantId: message.tenantId,
  };
}

@AccessRule('Delivered only to receivers who may see the ticket, re-checked per event.')
@ObjectType('MessageAdded', { description: 'A message was added to a ticket.' })
export class MessageAddedGql {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => MessageGql, { description: 'The new message.' })
  message!: MessageGql;
}

export { StaffRefGql };
