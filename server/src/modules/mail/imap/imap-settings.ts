/** How a mailbox connects to its IMAP server; the password is decrypted only for the connection. */
export type ImapSecurity = 'tls' | 'starttls' | 'none';

export interface ImapSettings {
  host: string;
  port: number;
  security: ImapSecurity;
  user: string;
  password: string;
  /** Folder to import from, e.g. INBOX. */
  folder: string;
  /** Accept self-signed or otherwise unverifiable certificates (an admin's explicit choice). */
  allowInvalidCertificate: boolean;
}

/** imapflow's connection options for these settings. */
export function imapFlowOptions(settings: ImapSettings) {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
    auth: { user: settings.user, pass: settings.password },
    tls: { rejectUnauthorized: !settings.allowInvalidCertificate },
    logger: false as const,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 5 * 60_000,
  };
}
