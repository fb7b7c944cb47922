import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { ImapSecurity } from '../imap/imap-settings.js';
import type { SmtpTransport } from '../mailbox.entity.js';

/** How an address sends; the password is decrypted only for the connection. */
export interface SmtpSettings {
  transport: SmtpTransport;
  host: string | null;
  port: number | null;
  security: ImapSecurity | null;
  user: string | null;
  password: string | null;
  allowInvalidCertificate: boolean;
}

/**
 * The sendmail program. Fixed on purpose: a path an admin could set would let a tenant admin run
 * any program on the server.
 */
export const SENDMAIL_PATH = '/usr/sbin/sendmail';

/** nodemailer's options: pooled SMTP (servers delay every new connection), or sendmail. */
export function transportOptions(
  settings: SmtpSettings,
  pool: boolean,
): SMTPPool.Options | SMTPTransport.Options | { sendmail: true; path: string; newline: 'unix' } {
  if (settings.transport === 'sendmail') return { sendmail: true, path: SENDMAIL_PATH, newline: 'unix' };
  const base = {
    host: settings.host ?? '',
    port: settings.port ?? 587,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    tls: { rejectUnauthorized: !settings.allowInvalidCertificate },
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  };
  return pool ? { ...base, pool: true as const, maxConnections: 3, maxMessages: 500 } : base;
}
