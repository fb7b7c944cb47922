import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import type { Logger } from '../../infra/logger.js';
import { sql } from '../../infra/sql.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { ImapSecurity } from '../mail/imap/imap-settings.js';
import type { SmtpTransport } from '../mail/mailbox.entity.js';
import { transportOptions } from '../mail/smtp/smtp-settings.js';

interface SendingAddress {
  address: string;
  sender_name: string;
  signature: string;
  smtp_transport: SmtpTransport;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: ImapSecurity | null;
  smtp_user: string | null;
  smtp_password_enc: string | null;
  smtp_allow_invalid_certificate: boolean;
}

export interface SignInMail {
  tenantId: string;
  contactId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends the portal's sign-in mails (one-time links, password resets, invitations). They belong to
 * no ticket, carry a secret that is useless after minutes, and a lost one is simply asked for
 * again, so they go out directly rather than through the outbox (which would keep the link in the
 * job table). They leave from the address of the department the contact last wrote to, else any
 * public department's sending address, else any sending address of the tenant; marked automatic.
 * Sending happens after the answer, so its timing tells nobody whether the address is known.
 */
export class PortalMailer {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly fork: () => EntityManager,
    private readonly box: SecretBox,
    private readonly logger: Logger,
  ) {}

  /** Starts sending and returns at once; failures are logged. */
  send(mail: SignInMail): void {
    const sending = this.deliver(mail).catch((error: unknown) =>
      this.logger.warn({ err: error instanceof Error ? error.message : String(error), tenantId: mail.tenantId }, 'portal sign-in mail not sent'),
    );
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }

  /** Waits for the mails still being sent (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async deliver(mail: SignInMail): Promise<void> {
    const from = await this.sendingAddress(mail.tenantId, mail.contactId);
    if (!from) {
      this.logger.warn({ tenantId: mail.tenantId }, 'portal sign-in mail not sent: the tenant has no sending address');
      return;
    }
    const password = from.smtp_password_enc ? this.box.open(from.smtp_password_enc) : null;
    const transporter = nodemailer.createTransport(
      transportOptions(
        {
          transport: from.smtp_transport,
          host: from.smtp_host,
          port: from.smtp_port,
          security: from.smtp_security,
          user: from.smtp_user,
          password,
          allowInvalidCertificate: from.smtp_allow_invalid_certificate,
        },
        false,
      ),
    );
    try {
      await transporter.sendMail({
        from: { name: from.sender_name, address: from.address },
        to: mail.to,
        subject: mail.subject,
        text: from.signature.trim() ? `${mail.text}\n\n-- \n${from.signature.trim()}` : mail.text,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    } finally {
      transporter.close();
    }
  }

  private async sendingAddress(tenantId: string, contactId: string): Promise<SendingAddress | null> {
    const [row] = await sql<SendingAddress>(
      this.fork(),
      `select m.address, m.sender_name, m.signature, m.smtp_transport, m.smtp_host, m.smtp_port, m.smtp_security, m.smtp_user,
              m.smtp_password_enc, m.smtp_allow_invalid_certificate
         from mailboxes m join departments d on d.tenant_id = m.tenant_id and d.id = m.department_id
        where m.tenant_id = ? and m.smtp_enabled and d.owner_id is null
        order by (select max(t.last_activity_at) from tickets t where t.tenant_id = m.tenant_id and t.department_id = m.department_id and t.contact_id = ?) desc nulls last,
                 d.is_public desc, m.created_at
        limit 1`,
      [tenantId, contactId],
    );
    return row ?? null;
  }
}
