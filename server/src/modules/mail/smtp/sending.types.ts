import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../../graphql/access.js';
import { MailSecurityGql } from '../mailbox.types.js';
import type { IMailbox } from '../mailbox.entity.js';
import type { ICannedReply } from './canned-reply.entity.js';
import type { SmtpDiagnosis } from './diagnose-smtp.js';

export enum SmtpTransportGql {
  SMTP = 'smtp',
  SENDMAIL = 'sendmail',
}
registerEnumType(SmtpTransportGql, { name: 'SmtpTransport', description: 'How replies leave: an SMTP server, or the local sendmail program.' });

export enum SmtpCheckStageGql {
  DNS = 'dns',
  TCP = 'tcp',
  TLS = 'tls',
  LOGIN = 'login',
  SENDMAIL = 'sendmail',
  SERVER = 'server',
  OK = 'ok',
}
registerEnumType(SmtpCheckStageGql, { name: 'SmtpCheckStage', description: 'The step of a sending test that failed, or OK.' });

export enum ReplyBlockedGql {
  NO_SENDING_ADDRESS = 'NO_SENDING_ADDRESS',
}
registerEnumType(ReplyBlockedGql, { name: 'ReplyBlocked', description: 'Why a ticket cannot be answered by mail: its department has no address that sends.' });

@AccessRule('Admins, for mailboxes of departments they may see. The password is never returned.')
@ObjectType('MailboxSending', { description: 'How replies leave from an address.' })
export class MailboxSendingGql {
  @Field(() => Boolean, { description: 'Replies leave from this address.' })
  enabled!: boolean;
  @Field(() => SmtpTransportGql, { description: 'SMTP or sendmail.' })
  transport!: SmtpTransportGql;
  @Field(() => String, { nullable: true, description: 'SMTP host.' })
  host!: string | null;
  @Field(() => Int, { nullable: true, description: 'SMTP port.' })
  port!: number | null;
  @Field(() => MailSecurityGql, { nullable: true, description: 'Encryption.' })
  security!: MailSecurityGql | null;
  @Field(() => String, { nullable: true, description: 'SMTP user name; null for servers without sign-in.' })
  user!: string | null;
  @Field(() => Boolean, { description: 'Certificates that cannot be verified are accepted.' })
  allowInvalidCertificate!: boolean;
  @Field(() => Boolean, { description: 'New tickets from mail get an automatic acknowledgement (never automatic mail; at most 3 per sender and hour).' })
  autoReplyEnabled!: boolean;
  @Field(() => String, { description: 'Subject of the acknowledgement ("" for "Re: {{ticketSubject}}").' })
  autoReplySubject!: string;
  @Field(() => String, { description: 'Text of the acknowledgement, with {{placeholders}}.' })
  autoReplyText!: string;
}

export function toMailboxSendingGql(mailbox: IMailbox): MailboxSendingGql {
  return {
    enabled: mailbox.smtpEnabled,
    transport: mailbox.smtpTransport as SmtpTransportGql,
    host: mailbox.smtpHost ?? null,
    port: mailbox.smtpPort ?? null,
    security: (mailbox.smtpSecurity ?? null) as MailSecurityGql | null,
    user: mailbox.smtpUser ?? null,
    allowInvalidCertificate: mailbox.smtpAllowInvalidCertificate,
    autoReplyEnabled: mailbox.autoReplyEnabled,
    autoReplySubject: mailbox.autoReplySubject,
    autoReplyText: mailbox.autoReplyText,
  };
}

@AccessRule('Returned only to the admin who ran the test.')
@ObjectType('SmtpCheck', { description: 'The result of a sending test.' })
export class SmtpCheckGql {
  @Field(() => Boolean, { description: 'Connected and signed in.' })
  ok!: boolean;
  @Field(() => SmtpCheckStageGql, { description: 'The step that failed, or OK.' })
  stage!: SmtpCheckStageGql;
  @Field(() => String, { description: "What happened, with the server's words, and what to check." })
  message!: string;
}

export function toSmtpCheckGql(diagnosis: SmtpDiagnosis): SmtpCheckGql {
  return { ok: diagnosis.ok, stage: diagnosis.stage as SmtpCheckStageGql, message: diagnosis.message };
}

@AccessRule('Staff and API tokens: global ones and those of departments they may see.')
@ObjectType('CannedReply', { description: 'A canned reply (template) with {{placeholders}}.' })
export class CannedReplyGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => ID, { nullable: true, description: 'Its department, or null for every department.' })
  departmentId!: string | null;
  @Field(() => String, { description: 'Category for grouping ("" for none).' })
  category!: string;
  @Field(() => String, { description: 'Title shown in the picker.' })
  title!: string;
  @Field(() => String, {
    description:
      'Text with placeholders: {{customerName}}, {{contactName}}, {{ticketNumber}}, {{ticketSubject}}, {{agentName}}, {{department}}, {{expectedDate}}.',
  })
  body!: string;
  @Field(() => Int, { description: 'Optimistic lock: pass it back to cannedReplyUpdate.' })
  version!: number;
}

export function toCannedReplyGql(reply: ICannedReply): CannedReplyGql {
  return { id: reply.id, departmentId: reply.departmentId ?? null, category: reply.category, title: reply.title, body: reply.body, version: reply.version };
}

@AccessRule('Staff and API tokens, for tickets they may see.')
@ObjectType('ReplyDefaults', { description: 'What the reply form starts with for a ticket, and whether the ticket can be answered by mail at all.' })
export class ReplyDefaultsGql {
  @Field(() => Boolean, { description: "The ticket's department has a sending address." })
  canSend!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, and how to fix it, when canSend is false.' })
  reason!: string | null;
  @Field(() => ReplyBlockedGql, { nullable: true, description: 'Why not, as a code for clients to translate, when canSend is false.' })
  reasonCode!: ReplyBlockedGql | null;
  @Field(() => String, { nullable: true, description: 'The address the reply leaves from.' })
  from!: string | null;
  @Field(() => String, { description: 'Subject: Re: <original>, never Re: Re:.' })
  subject!: string;
  @Field(() => [String], { description: "Recipients: the customer's address (the last sender's, else the contact's)." })
  to!: string[];
  @Field(() => [String], { description: 'Copy recipients of the last customer mail, without our own addresses.' })
  cc!: string[];
  @Field(() => String, { description: 'Status after sending, by default.' })
  statusAfter!: string;
}
