import type { Mailbox } from '@/shared/entities/mailbox/composables/useMailboxes';
import type { MailboxSendingTestInput, MailboxSendingUpdateInput, MailSecurity, SmtpTransport } from '@/shared/graphql/generated/graphql';

/** What the sending form edits. The password is never filled from the server: it never leaves it. */
export interface SendingDraft {
  enabled: boolean;
  transport: SmtpTransport;
  host: string;
  /** A number input's value: '' while empty. */
  port: number | '';
  security: MailSecurity;
  /** Sign in with user and password; off for servers that accept mail from the network. */
  signIn: boolean;
  user: string;
  password: string;
  allowInvalidCertificate: boolean;
  signature: string;
  autoReplyEnabled: boolean;
  autoReplySubject: string;
  autoReplyText: string;
}

/** The usual SMTP port of each kind of connection: submission with STARTTLS 587, implicit TLS 465, plain 25. */
export const SMTP_PORTS: Readonly<Record<MailSecurity, number>> = { STARTTLS: 587, TLS: 465, NONE: 25 };
export const SMTP_SECURITIES = ['STARTTLS', 'TLS', 'NONE'] as const satisfies readonly MailSecurity[];
export const TRANSPORTS = ['SMTP', 'SENDMAIL'] as const satisfies readonly SmtpTransport[];

/**
 * The form for a mailbox's saved sending settings. A mailbox that never sent starts with STARTTLS
 * on 587 and its IMAP host and user name, the usual setup of one provider for both; the password
 * field starts empty (empty keeps the stored one).
 */
export function sendingDraftOf(mailbox: Mailbox): SendingDraft {
  const sending = mailbox.sending;
  const configured = sending.host !== null && sending.host !== undefined;
  const security = sending.security ?? 'STARTTLS';
  return {
    enabled: sending.enabled,
    transport: sending.transport,
    host: sending.host ?? mailbox.host.replace(/^imap\./i, 'smtp.'),
    port: sending.port ?? SMTP_PORTS[security],
    security,
    signIn: configured ? sending.user !== null && sending.user !== undefined : true,
    user: sending.user ?? (configured ? '' : mailbox.user),
    password: '',
    allowInvalidCertificate: sending.allowInvalidCertificate,
    signature: mailbox.signature,
    autoReplyEnabled: sending.autoReplyEnabled,
    autoReplySubject: sending.autoReplySubject,
    autoReplyText: sending.autoReplyText,
  };
}

/** The port after the encryption changed: an empty port or the usual one of the old kind follows; a typed one stays. */
export function smtpPortAfterSecurityChange(port: number | '', from: MailSecurity, to: MailSecurity): number | '' {
  return port === '' || port === SMTP_PORTS[from] ? SMTP_PORTS[to] : port;
}

export type SendingDraftErrors = Partial<Record<'host' | 'port' | 'user' | 'autoReplyText', 'required' | 'invalid'>>;

/**
 * Why the draft cannot be saved as it is, by field; empty when it can. Only what the server would
 * refuse: an SMTP server needs host and port while sending is on (and for a test, which passes
 * `enabled: true`); signing in needs a user name; an acknowledgement needs its text.
 */
export function sendingDraftErrors(draft: SendingDraft): SendingDraftErrors {
  const errors: SendingDraftErrors = {};
  if (draft.transport === 'SMTP' && draft.enabled) {
    if (draft.host.trim() === '') errors.host = 'required';
    if (draft.port === '') errors.port = 'required';
    else if (!Number.isInteger(draft.port) || draft.port < 1 || draft.port > 65535) errors.port = 'invalid';
    if (draft.signIn && draft.user.trim() === '') errors.user = 'required';
  }
  if (draft.autoReplyEnabled && draft.autoReplyText.trim() === '') errors.autoReplyText = 'required';
  return errors;
}

function server(draft: SendingDraft) {
  if (draft.transport === 'SENDMAIL') return { transport: draft.transport };
  return {
    transport: draft.transport,
    host: draft.host.trim(),
    port: draft.port === '' ? null : draft.port,
    security: draft.security,
    allowInvalidCertificate: draft.security !== 'NONE' && draft.allowInvalidCertificate,
  };
}

/**
 * Every sending field as in the form. Without sign-in, user and password are cleared; with it the
 * password goes along only when one was typed (otherwise the stored one stays).
 */
export function toSendingUpdateInput(draft: SendingDraft, saved: { id: string; version: number }): MailboxSendingUpdateInput {
  const signIn = draft.transport === 'SMTP' && draft.signIn;
  return {
    id: saved.id,
    version: saved.version,
    enabled: draft.enabled,
    ...server(draft),
    ...(signIn ? { user: draft.user.trim(), ...(draft.password ? { password: draft.password } : {}) } : draft.transport === 'SMTP' ? { clearUser: true } : {}),
    autoReplyEnabled: draft.autoReplyEnabled,
    autoReplySubject: draft.autoReplySubject.trim(),
    autoReplyText: draft.autoReplyText,
  };
}

/**
 * The connection settings as typed, for the test. An empty user name tests without sign-in (the
 * stored user would be used otherwise); an empty password means the stored one.
 */
export function toSendingTestInput(draft: SendingDraft, id: string): MailboxSendingTestInput {
  const signIn = draft.transport === 'SMTP' && draft.signIn;
  return { id, ...server(draft), user: signIn ? draft.user.trim() : '', ...(signIn && draft.password ? { password: draft.password } : {}) };
}
