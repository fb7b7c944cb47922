import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import { timestamp } from '../../infra/sql.js';
import { MessageGql } from '../messages/message.types.js';
import { TicketGql } from '../tickets/ticket.types.js';
import type { ImapDiagnosis } from './imap/diagnose.js';
import type { IMailbox } from './mailbox.entity.js';
import type { FailedMailRow, MailboxState } from './mailbox.service.js';

export enum MailSecurityGql {
  TLS = 'tls',
  STARTTLS = 'starttls',
  NONE = 'none',
}
registerEnumType(MailSecurityGql, { name: 'MailSecurity', description: 'How the connection is encrypted: TLS from the start, STARTTLS, or not at all.' });

export enum AfterImportGql {
  KEEP = 'keep',
  MARK_SEEN = 'seen',
  MOVE = 'move',
  DELETE = 'delete',
}
registerEnumType(AfterImportGql, { name: 'AfterImport', description: 'What happens to a message on the server after it was safely imported.' });

export enum MailboxConnectionGql {
  WAITING = 'waiting',
  CONNECTING = 'connecting',
  IDLE = 'idle',
  POLLING = 'polling',
  ERROR = 'error',
  STOPPED = 'stopped',
}
registerEnumType(MailboxConnectionGql, {
  name: 'MailboxConnection',
  description: 'Live state: waiting for a server process, connecting, connected in IDLE (instant), polling (server without IDLE), or failing.',
});

export enum ImapCheckStageGql {
  DNS = 'dns',
  TCP = 'tcp',
  TLS = 'tls',
  LOGIN = 'login',
  FOLDER = 'folder',
  OK = 'ok',
}
registerEnumType(ImapCheckStageGql, { name: 'ImapCheckStage', description: 'The step of a connection test that failed, or OK.' });

@AccessRule('Admins, for mailboxes of departments they may see.')
@ObjectType('MailboxState', { description: "A mailbox's live import state." })
export class MailboxStateGql {
  @Field(() => MailboxConnectionGql, { description: 'Connection state.' })
  connection!: MailboxConnectionGql;
  @Field(() => Date, { nullable: true, description: 'Last successful import.' })
  lastImportAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Last connection error, cleared when connected again.' })
  lastError!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the last error happened.' })
  lastErrorAt!: Date | null;
  @Field(() => Int, { description: 'Messages imported since midnight (server time).' })
  importedToday!: number;
  @Field(() => Int, { description: 'Messages kept as failed (see failedMails).' })
  failedCount!: number;
}

@AccessRule('Admins, for mailboxes of departments they may see. The password is never returned.')
@ObjectType('Mailbox', { description: 'An e-mail address of a department that receives mail over IMAP.' })
export class MailboxGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => String, { description: 'The e-mail address (lower case).' })
  address!: string;
  @Field(() => String, { description: 'Name shown as the sender of replies.' })
  senderName!: string;
  @Field(() => ID, { description: 'The department its mail goes to.' })
  departmentId!: string;
  @Field(() => Boolean, { description: 'Import is on.' })
  enabled!: boolean;
  @Field(() => String, { description: 'IMAP host.' })
  host!: string;
  @Field(() => Int, { description: 'IMAP port.' })
  port!: number;
  @Field(() => MailSecurityGql, { description: 'Encryption.' })
  security!: MailSecurityGql;
  @Field(() => String, { description: 'IMAP user name.' })
  user!: string;
  @Field(() => String, { description: 'Folder imported from.' })
  folder!: string;
  @Field(() => Boolean, { description: 'Certificates that cannot be verified are accepted.' })
  allowInvalidCertificate!: boolean;
  @Field(() => AfterImportGql, { description: 'What happens on the server after import.' })
  afterImport!: AfterImportGql;
  @Field(() => String, { nullable: true, description: 'Target folder for MOVE.' })
  afterImportFolder!: string | null;
  @Field(() => Int, { description: 'Optimistic lock: pass it back to mailboxUpdate.' })
  version!: number;

  tenantId!: string;
  /** The row it was made from, for field resolvers (sending settings, signature) without another query. */
  source!: IMailbox;
}

export function toMailboxGql(mailbox: IMailbox): MailboxGql {
  return {
    id: mailbox.id,
    address: mailbox.address,
    senderName: mailbox.senderName,
    departmentId: mailbox.departmentId,
    enabled: mailbox.imapEnabled,
    host: mailbox.imapHost,
    port: mailbox.imapPort,
    security: mailbox.imapSecurity as MailSecurityGql,
    user: mailbox.imapUser,
    folder: mailbox.imapFolder,
    allowInvalidCertificate: mailbox.imapAllowInvalidCertificate,
    afterImport: mailbox.afterImport as AfterImportGql,
    afterImportFolder: mailbox.afterImportFolder ?? null,
    version: mailbox.version,
    tenantId: mailbox.tenantId,
    source: mailbox,
  };
}

export function toMailboxStateGql(state: MailboxState | undefined): MailboxStateGql {
  return {
    connection: (state?.connection ?? 'waiting') as MailboxConnectionGql,
    lastImportAt: state?.lastImportAt ?? null,
    lastError: state?.lastError ?? null,
    lastErrorAt: state?.lastErrorAt ?? null,
    importedToday: state?.importedToday ?? 0,
    failedCount: state?.failedCount ?? 0,
  };
}

@AccessRule('Returned only to the admin who ran the test.')
@ObjectType('ImapCheck', { description: 'The result of a connection test: the first step that failed, in words.' })
export class ImapCheckGql {
  @Field(() => Boolean, { description: 'Everything worked.' })
  ok!: boolean;
  @Field(() => ImapCheckStageGql, { description: 'The step that failed, or OK.' })
  stage!: ImapCheckStageGql;
  @Field(() => String, { description: 'What happened and what to check.' })
  message!: string;
  @Field(() => Boolean, { description: 'The server supports IDLE (instant delivery); otherwise it is polled.' })
  idle!: boolean;
  @Field(() => Int, { nullable: true, description: 'Messages in the folder, when it could be opened.' })
  messages!: number | null;
}

export function toImapCheckGql(diagnosis: ImapDiagnosis): ImapCheckGql {
  return {
    ok: diagnosis.ok,
    stage: diagnosis.stage as ImapCheckStageGql,
    message: diagnosis.message,
    idle: diagnosis.idle,
    messages: diagnosis.messages ?? null,
  };
}

@AccessRule('Admins, for mailboxes of departments they may see.')
@ObjectType('FailedMail', { description: 'A received mail that could not be imported; kept with its reason and retryable.' })
export class FailedMailGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => ID, { description: 'The mailbox it came from.' })
  mailboxId!: string;
  @Field(() => String, { nullable: true, description: 'Subject, when it could be read.' })
  subject!: string | null;
  @Field(() => String, { nullable: true, description: 'Sender, when it could be read.' })
  from!: string | null;
  @Field(() => String, { description: 'Why it failed.' })
  reason!: string;
  @Field(() => Int, { description: 'Size of the raw mail in bytes.' })
  size!: number;
  @Field(() => Date, { description: 'When the server received it.' })
  receivedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Last retry.' })
  retriedAt!: Date | null;
  @Field(() => String, { description: 'Download of the raw mail (.eml), for admins.' })
  rawUrl!: string;
}

export function toFailedMailGql(row: FailedMailRow): FailedMailGql {
  return {
    id: row.id,
    mailboxId: row.mailbox_id,
    subject: row.subject,
    from: row.from_address,
    reason: row.reason,
    size: row.size,
    receivedAt: timestamp(row.received_at),
    retriedAt: timestamp(row.retried_at),
    rawUrl: `/failed-mails/${row.id}.eml`,
  };
}

@AccessRule('Returned only to the admin who retried.')
@ObjectType('FailedMailRetryResult', { description: 'What a retry did.' })
export class FailedMailRetryResultGql {
  @Field(() => Boolean, { description: 'The mail is now imported.' })
  imported!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, when it was not imported.' })
  reason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The ticket it went to.' })
  ticketId!: string | null;
}

@AccessRule('Delivered only to receivers who may see the ticket, re-checked per event.')
@ObjectType('InboundMail', { description: 'A customer mail arrived.' })
export class InboundMailGql {
  @Field(() => TicketGql, { description: 'The ticket it opened or joined.' })
  ticket!: TicketGql;
  @Field(() => MessageGql, { description: 'The new message.' })
  message!: MessageGql;
  @Field(() => Boolean, { description: 'True when the mail opened a new ticket.' })
  createdTicket!: boolean;
}

@AccessRule('Admins, for mailboxes of departments they may see.')
@ObjectType('MailboxChange', { description: "A mailbox's settings or state changed, or it was deleted." })
export class MailboxChangeGql {
  @Field(() => ID, { description: 'The mailbox.' })
  mailboxId!: string;
  @Field(() => MailboxGql, { nullable: true, description: 'The mailbox now; null when deleted.' })
  mailbox!: MailboxGql | null;
}
