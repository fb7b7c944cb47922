import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../../../infra/logger.js';
import { sql, timestamp } from '../../../infra/sql.js';
import { pgArray } from '../../tickets/ticket.filter.js';
import type { TresenPubSub } from '../../../realtime/pubsub.js';
import type { SecretBox } from '../../../shared/secret-box.js';
import type { SmtpTransport } from '../mailbox.entity.js';
import type { ImapSecurity } from '../imap/imap-settings.js';
import type { SendJob } from './outbox.js';
import { escapeHtml } from './compose.js';
import { transportOptions, type SmtpSettings } from './smtp-settings.js';

interface OutgoingRow {
  id: string;
  tenant_id: string;
  ticket_id: string;
  department_id: string;
  mailbox_id: string | null;
  mail_message_id: string;
  to_addresses: string[];
  cc_addresses: string[];
  bcc_addresses: string[];
  subject: string;
  body_text: string;
  quoted_text: string | null;
  body_html: string | null;
  created_at: Date | string;
  auto_generated: boolean;
  portal_link_version: number;
  contact_email: string | null;
}

/** Makes the portal link a mail about a ticket carries (see MailSender). */
export interface PortalLinkMaker {
  (tenantId: string, ticketId: string, version: number): string;
}

interface SendingMailbox {
  id: string;
  version: number;
  address: string;
  sender_name: string;
  smtp_enabled: boolean;
  smtp_transport: SmtpTransport;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: ImapSecurity | null;
  smtp_user: string | null;
  smtp_password_enc: string | null;
  smtp_allow_invalid_certificate: boolean;
}

/** The line under a reply that leads to the ticket in the portal. */
export const PORTAL_LINK_LABEL = 'Ihr Ticket online / Your ticket online';

/** Thread headers: the newest earlier mail is answered; References keep the last 20 ids. */
const REFERENCES_MAX = 20;

/**
 * Sends one queued reply. The Message-ID was fixed when the reply was written, so a send repeated
 * after a crash carries the same id (mail clients show it once); a reply already marked sent is
 * never sent again. Temporary failures throw, so the outbox retries with backoff; permanent ones
 * (5xx) and the last retry mark the reply failed with the server's words.
 */
export class MailSender {
  private readonly transports = new Map<string, { version: number; transporter: Transporter }>();

  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: TresenPubSub,
    private readonly box: SecretBox,
    private readonly logger: Logger,
    private readonly portalLink: PortalLinkMaker | null = null,
  ) {}

  async send(job: SendJob, attempt: { attempt: number; lastAttempt: boolean }): Promise<void> {
    const em = this.em.fork();
    const claimed = await sql<OutgoingRow>(
      em,
      `update messages m set send_status = 'sending', send_attempts = send_attempts + 1
        from tickets t where t.tenant_id = m.tenant_id and t.id = m.ticket_id
          and m.tenant_id = ? and m.id = ? and m.kind = 'outbound' and m.send_status in ('queued', 'sending')
        returning m.id, m.tenant_id, m.ticket_id, t.department_id, m.mailbox_id, m.mail_message_id, m.to_addresses, m.cc_addresses, m.bcc_addresses,
          m.subject, m.body_text, m.quoted_text, m.body_html, m.created_at, m.auto_generated, t.portal_link_version,
          (select k.email from contacts k where k.tenant_id = t.tenant_id and k.id = t.contact_id) as contact_email`,
      [job.tenantId, job.messageId],
    );
    const row = claimed[0];
    if (!row) return; // sent already, failed for good, or gone
    await this.publish(job.tenantId, row);
    // Independent reads, side by side: the sending address, the thread's ids, the attachments.
    const [mailbox, references, files] = await Promise.all([
      row.mailbox_id ? this.mailbox(em, job.tenantId, row.mailbox_id) : null,
      this.references(em, job.tenantId, row),
      this.attachments(em, job.tenantId, row.id),
    ]);
    if (!mailbox || !mailbox.smtp_enabled) {
      await this.finish(em, job.tenantId, row, 'failed', 'The sending address was removed or no longer sends. Turn sending on again, then resend.');
      return;
    }
    if (row.auto_generated && (await this.toOwnAddress(em, job.tenantId, row))) {
      await this.finish(em, job.tenantId, row, 'failed', 'Not sent: automatic mail never goes to our own addresses (mail loop protection).');
      return;
    }
    const password = mailbox.smtp_password_enc ? this.box.open(mailbox.smtp_password_enc) : null;
    if (mailbox.smtp_password_enc && password === null) {
      await this.finish(em, job.tenantId, row, 'failed', 'The stored SMTP password cannot be decrypted (TRESEN_SECRET changed). Enter it again, then resend.');
      return;
    }
    try {
      await this.transporter(mailbox, password).sendMail(this.mail(row, mailbox, references, files));
    } catch (error) {
      const { permanent, said } = classify(error);
      if (permanent || attempt.lastAttempt) {
        await this.finish(em, job.tenantId, row, 'failed', said);
        return;
      }
      await this.finish(em, job.tenantId, row, 'queued', `Temporary failure, trying again: ${said}`);
      throw error;
    }
    await this.finish(em, job.tenantId, row, 'sent', null);
  }

  /** Closes the pooled connections. */
  close(): void {
    for (const { transporter } of this.transports.values()) transporter.close();
    this.transports.clear();
  }

  /** Message-IDs of the thread before this reply, oldest first, at most REFERENCES_MAX. */
  private async references(em: EntityManager, tenantId: string, row: OutgoingRow): Promise<string[]> {
    const earlier = await sql<{ mail_message_id: string }>(
      em,
      `select mail_message_id from messages where tenant_id = ? and ticket_id = ? and id <> ? and mail_message_id is not null and created_at <= ?
        order by created_at desc, id desc limit ?`,
      [tenantId, row.ticket_id, row.id, row.created_at, REFERENCES_MAX],
    );
    return earlier.map((r) => `<${r.mail_message_id}>`).reverse();
  }

  private attachments(em: EntityManager, tenantId: string, messageId: string) {
    return sql<{ filename: string; content_type: string; data: Buffer }>(
      em,
      `select a.filename, a.content_type, b.data from attachments a join attachment_blobs b on b.tenant_id = a.tenant_id and b.sha256 = a.sha256
        where a.tenant_id = ? and a.message_id = ? order by a.created_at, a.id`,
      [tenantId, messageId],
    );
  }

  private mail(row: OutgoingRow, mailbox: SendingMailbox, references: string[], files: { filename: string; content_type: string; data: Buffer }[]) {
    const link = this.linkFor(row);
    const body = link ? `${row.body_text}\n\n${PORTAL_LINK_LABEL}: ${link}` : row.body_text;
    const text = row.quoted_text ? `${body}\n\n${row.quoted_text}` : body;
    const html = row.body_html && link ? `${row.body_html}\n<p><a href="${escapeHtml(link)}">${escapeHtml(PORTAL_LINK_LABEL)}</a></p>` : row.body_html;
    return {
      messageId: `<${row.mail_message_id}>`,
      from: { name: mailbox.sender_name, address: mailbox.address },
      to: row.to_addresses,
      cc: row.cc_addresses,
      bcc: row.bcc_addresses,
      subject: row.subject,
      text,
      html: html ?? undefined,
      inReplyTo: references.at(-1),
      references: references.length > 0 ? references : undefined,
      date: timestamp(row.created_at),
      attachments: files.map((f) => ({ filename: f.filename, contentType: f.content_type, content: f.data })),
      // RFC 3834: automatic mail says so, and asks Exchange and others not to answer it automatically.
      headers: row.auto_generated ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : undefined,
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }

  /**
   * The signed portal link to the ticket, added when the mail is sent (never stored with the
   * message): only for a person's reply (automatic mails carry their own) whose every recipient is
   * the ticket's contact, because the link opens the ticket as that contact.
   */
  private linkFor(row: OutgoingRow): string | null {
    if (!this.portalLink || row.auto_generated || !row.contact_email) return null;
    const recipients = [...row.to_addresses, ...row.cc_addresses, ...row.bcc_addresses].map((a) => a.toLowerCase());
    if (recipients.length === 0 || recipients.some((address) => address !== row.contact_email)) return null;
    return this.portalLink(row.tenant_id, row.ticket_id, row.portal_link_version);
  }

  private async toOwnAddress(em: EntityManager, tenantId: string, row: OutgoingRow): Promise<boolean> {
    const recipients = [...row.to_addresses, ...row.cc_addresses, ...row.bcc_addresses];
    const own = await sql(em, 'select 1 from mailboxes where tenant_id = ? and address = any(?::text[])', [tenantId, pgArray(recipients)]);
    return own.length > 0;
  }

  private transporter(mailbox: SendingMailbox, password: string | null): Transporter {
    const cached = this.transports.get(mailbox.id);
    if (cached && cached.version === mailbox.version) return cached.transporter;
    cached?.transporter.close();
    const settings: SmtpSettings = {
      transport: mailbox.smtp_transport,
      host: mailbox.smtp_host,
      port: mailbox.smtp_port,
      security: mailbox.smtp_security,
      user: mailbox.smtp_user,
      password,
      allowInvalidCertificate: mailbox.smtp_allow_invalid_certificate,
    };
    const transporter = nodemailer.createTransport(transportOptions(settings, true));
    this.transports.set(mailbox.id, { version: mailbox.version, transporter });
    return transporter;
  }

  private async mailbox(em: EntityManager, tenantId: string, id: string): Promise<SendingMailbox | null> {
    const rows = await sql<SendingMailbox>(em, 'select * from mailboxes where tenant_id = ? and id = ?', [tenantId, id]);
    return rows[0] ?? null;
  }

  private async finish(em: EntityManager, tenantId: string, row: OutgoingRow, status: 'sent' | 'failed' | 'queued', error: string | null): Promise<void> {
    await sql(
      em,
      `update messages set send_status = ?, send_error = ?, sent_at = case when ? = 'sent' then now() else sent_at end where tenant_id = ? and id = ?`,
      [status, error, status, tenantId, row.id],
    );
    if (status === 'failed') this.logger.warn({ messageId: row.id, error }, 'reply could not be sent');
    await this.publish(tenantId, row);
  }

  private async publish(tenantId: string, row: OutgoingRow): Promise<void> {
    await this.pubSub.publish('messageAdded', tenantId, { ticketId: row.ticket_id, messageId: row.id, departmentId: row.department_id });
  }
}

/**
 * 5xx answers are permanent; timeouts, connection trouble and 4xx are worth another try. A message
 * nodemailer refuses before talking to the server (no recipients) is permanent too.
 */
export function classify(error: unknown): { permanent: boolean; said: string } {
  const err = error as { responseCode?: number; response?: string; message?: string; code?: string };
  const said = (err.response ?? err.message ?? String(error)).slice(0, 1000);
  const code = typeof err.responseCode === 'number' ? err.responseCode : null;
  const permanent = code !== null ? code >= 500 : err.code === 'EENVELOPE';
  return { permanent, said };
}
