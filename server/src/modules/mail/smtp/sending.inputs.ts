import { Field, ID, InputType, Int } from 'type-graphql';
import { MailSecurityGql } from '../mailbox.types.js';
import { SmtpTransportGql } from './sending.types.js';

@InputType({ description: 'A reply by mail to a ticket.' })
export class TicketReplyInput {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => [String], { description: 'Recipients (plain addresses; at least one).' })
  to!: string[];
  @Field(() => [String], { nullable: true, description: 'Copy recipients.' })
  cc?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Blind copy recipients.' })
  bcc?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Subject; default "Re: <ticket subject>". The ticket token [#n] is added when sent.' })
  subject?: string | null;
  @Field(() => String, { nullable: true, description: 'The message as plain text (required unless a canned reply fills it).' })
  body?: string | null;
  @Field(() => String, { nullable: true, description: 'The same message as rich text (HTML; sanitized). The plain text stays the alternative part.' })
  html?: string | null;
  @Field(() => String, { nullable: true, description: 'Status key after sending (default "answered").' })
  statusAfter?: string | null;
  @Field(() => ID, { nullable: true, description: 'A canned reply; fills the body (placeholders replaced) when body is empty.' })
  cannedReplyId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Uploaded attachments (POST /attachments).' })
  attachments?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Quote the last mail of the ticket below the signatures.' })
  includeHistory?: boolean | null;
}

@InputType({ description: 'Sending settings of an address; omitted fields stay. Omit the password to keep it.' })
export class MailboxSendingUpdateInput {
  @Field(() => ID, { description: 'The mailbox.' })
  id!: string;
  @Field(() => Int, { description: 'The version you edited (optimistic lock).' })
  version!: number;
  @Field(() => Boolean, { nullable: true, description: 'Replies leave from this address.' })
  enabled?: boolean | null;
  @Field(() => SmtpTransportGql, { nullable: true, description: 'SMTP (default) or sendmail.' })
  transport?: SmtpTransportGql | null;
  @Field(() => String, { nullable: true, description: 'SMTP host.' })
  host?: string | null;
  @Field(() => Int, { nullable: true, description: 'SMTP port (587 for STARTTLS, 465 for TLS).' })
  port?: number | null;
  @Field(() => MailSecurityGql, { nullable: true, description: 'Encryption.' })
  security?: MailSecurityGql | null;
  @Field(() => String, { nullable: true, description: 'SMTP user name.' })
  user?: string | null;
  @Field(() => String, { nullable: true, description: 'SMTP password; stored encrypted, never returned.' })
  password?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Send without signing in (clears user and password).' })
  clearUser?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Accept certificates that cannot be verified (self-signed).' })
  allowInvalidCertificate?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Acknowledge the first mail of every new ticket automatically.' })
  autoReplyEnabled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Subject of the acknowledgement, with {{placeholders}} (default "Re: {{ticketSubject}}").' })
  autoReplySubject?: string | null;
  @Field(() => String, { nullable: true, description: 'Text of the acknowledgement, with {{placeholders}}; the address signature follows.' })
  autoReplyText?: string | null;
}

@InputType({ description: 'Sending settings to test: those of a saved mailbox (id), with any field overridden, or new ones.' })
export class MailboxSendingTestInput {
  @Field(() => ID, { nullable: true, description: 'A saved mailbox; its stored password is used unless one is given.' })
  id?: string | null;
  @Field(() => SmtpTransportGql, { nullable: true, description: 'SMTP or sendmail.' })
  transport?: SmtpTransportGql | null;
  @Field(() => String, { nullable: true, description: 'SMTP host.' })
  host?: string | null;
  @Field(() => Int, { nullable: true, description: 'SMTP port.' })
  port?: number | null;
  @Field(() => MailSecurityGql, { nullable: true, description: 'Encryption.' })
  security?: MailSecurityGql | null;
  @Field(() => String, { nullable: true, description: 'SMTP user name.' })
  user?: string | null;
  @Field(() => String, { nullable: true, description: 'SMTP password.' })
  password?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Test without signing in (ignores a saved mailbox's user and password)." })
  clearUser?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Accept certificates that cannot be verified.' })
  allowInvalidCertificate?: boolean | null;
}

@InputType({ description: 'A new canned reply.' })
export class CannedReplyCreateInput {
  @Field(() => ID, { nullable: true, description: 'Its department; omit for every department.' })
  departmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Category for grouping.' })
  category?: string | null;
  @Field(() => String, { description: 'Title shown in the picker.' })
  title!: string;
  @Field(() => String, { description: 'Text with {{placeholders}}.' })
  body!: string;
}

@InputType({ description: 'Changes to a canned reply; omitted fields stay.' })
export class CannedReplyUpdateInput {
  @Field(() => ID, { description: 'The canned reply.' })
  id!: string;
  @Field(() => Int, { description: 'The version you edited (optimistic lock).' })
  version!: number;
  @Field(() => ID, { nullable: true, description: 'Its department (null: every department).' })
  departmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Category.' })
  category?: string | null;
  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;
  @Field(() => String, { nullable: true, description: 'Text with {{placeholders}}.' })
  body?: string | null;
}

@InputType({ description: 'Which canned replies to list.' })
export class CannedReplyFilterInput {
  @Field(() => ID, { nullable: true, description: "Global ones plus this department's." })
  departmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this category.' })
  category?: string | null;
  @Field(() => String, { nullable: true, description: 'Words in title, category or text.' })
  search?: string | null;
}

@InputType({ description: "A signature: an address's (admins) or, without mailboxId, the viewer's own." })
export class SignatureUpdateInput {
  @Field(() => ID, { nullable: true, description: 'The address; omit for your own signature.' })
  mailboxId?: string | null;
  @Field(() => String, { description: 'Text with {{placeholders}}; empty for none.' })
  text!: string;
}
