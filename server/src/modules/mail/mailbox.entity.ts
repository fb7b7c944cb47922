import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ImapSecurity } from './imap/imap-settings.js';

/** What happens on the IMAP server to a message once it is safely imported. */
export const AfterImport = { Keep: 'keep', Seen: 'seen', Move: 'move', Delete: 'delete' } as const;
export type AfterImport = (typeof AfterImport)[keyof typeof AfterImport];

export const SmtpTransport = { Smtp: 'smtp', Sendmail: 'sendmail' } as const;
export type SmtpTransport = (typeof SmtpTransport)[keyof typeof SmtpTransport];

/** An e-mail address of a department that receives mail over IMAP. The password is sealed (SecretBox). */
export const Mailbox = defineEntity({
  name: 'Mailbox',
  tableName: 'mailboxes',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    departmentId: p.uuid(),
    address: p.string(),
    senderName: p.string().default(''),
    imapEnabled: p.boolean().default(true),
    imapHost: p.string(),
    imapPort: p.integer(),
    imapSecurity: p.string().$type<ImapSecurity>(),
    imapUser: p.string(),
    imapPasswordEnc: p.text().lazy(),
    imapFolder: p.string().default('INBOX'),
    imapAllowInvalidCertificate: p.boolean().default(false),
    afterImport: p.string().$type<AfterImport>().default('seen'),
    afterImportFolder: p.string().nullable(),
    /** Replies leave from this address (SMTP or sendmail). */
    smtpEnabled: p.boolean().default(false),
    smtpTransport: p.string().$type<SmtpTransport>().default('smtp'),
    smtpHost: p.string().nullable(),
    smtpPort: p.integer().nullable(),
    smtpSecurity: p.string().$type<ImapSecurity>().nullable(),
    smtpUser: p.string().nullable(),
    smtpPasswordEnc: p.text().nullable().lazy(),
    smtpAllowInvalidCertificate: p.boolean().default(false),
    /** Acknowledge the first mail of a new ticket automatically (never automatic mail, at most a few per sender and hour). */
    autoReplyEnabled: p.boolean().default(false),
    autoReplySubject: p.string().default(''),
    autoReplyText: p.text().default(''),
    /** The address's (department's) signature, with placeholders. */
    signature: p.text().default(''),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type IMailbox = InferEntity<typeof Mailbox>;
