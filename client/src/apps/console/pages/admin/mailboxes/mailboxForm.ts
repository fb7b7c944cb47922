import type { Mailbox } from '@/shared/entities/mailbox/composables/useMailboxes';
import type { AfterImport, MailboxCreateInput, MailboxTestInput, MailboxUpdateInput, MailSecurity } from '@/shared/graphql/generated/graphql';

/** What the mailbox form edits. The password is never filled from the server: it never leaves it. */
export interface MailboxDraft {
  address: string;
  senderName: string;
  departmentId: string;
  enabled: boolean;
  host: string;
  /** A number input's value: '' while empty. */
  port: number | '';
  security: MailSecurity;
  user: string;
  password: string;
  folder: string;
  allowInvalidCertificate: boolean;
  afterImport: AfterImport;
  afterImportFolder: string;
}

/** The usual port of each kind of connection (IMAPS 993; IMAP 143, plain or with STARTTLS). */
export const DEFAULT_PORTS: Readonly<Record<MailSecurity, number>> = { TLS: 993, STARTTLS: 143, NONE: 143 };

export const SECURITIES = ['TLS', 'STARTTLS', 'NONE'] as const satisfies readonly MailSecurity[];
export const AFTER_IMPORT = ['MARK_SEEN', 'KEEP', 'MOVE', 'DELETE'] as const satisfies readonly AfterImport[];

/** A new mailbox: TLS on 993, INBOX, marked as seen after import (the server's defaults). */
export function emptyDraft(departmentId = ''): MailboxDraft {
  return {
    address: '',
    senderName: '',
    departmentId,
    enabled: true,
    host: '',
    port: DEFAULT_PORTS.TLS,
    security: 'TLS',
    user: '',
    password: '',
    folder: 'INBOX',
    allowInvalidCertificate: false,
    afterImport: 'MARK_SEEN',
    afterImportFolder: '',
  };
}

/** The form for a saved mailbox, with an empty password (empty keeps the stored one). */
export function draftOf(mailbox: Mailbox): MailboxDraft {
  return {
    address: mailbox.address,
    senderName: mailbox.senderName,
    departmentId: mailbox.departmentId,
    enabled: mailbox.enabled,
    host: mailbox.host,
    port: mailbox.port,
    security: mailbox.security,
    user: mailbox.user,
    password: '',
    folder: mailbox.folder,
    allowInvalidCertificate: mailbox.allowInvalidCertificate,
    afterImport: mailbox.afterImport,
    afterImportFolder: mailbox.afterImportFolder ?? '',
  };
}

/**
 * The port after the kind of connection changed: an empty port or the usual port of the previous
 * kind becomes the usual port of the new one; a port the admin typed stays.
 */
export function portAfterSecurityChange(port: number | '', from: MailSecurity, to: MailSecurity): number | '' {
  return port === '' || port === DEFAULT_PORTS[from] ? DEFAULT_PORTS[to] : port;
}

/** The user name after the address changed: it follows the address as long as it was empty or the same. */
export function userAfterAddressChange(user: string, from: string, to: string): string {
  return user.trim() === '' || user.trim() === from.trim() ? to.trim() : user;
}

/** A valid port number, or null. */
export function parsePort(port: number | ''): number | null {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}

function connection(draft: MailboxDraft, port: number) {
  return {
    host: draft.host.trim(),
    port,
    security: draft.security,
    user: draft.user.trim(),
    folder: draft.folder.trim(),
    allowInvalidCertificate: draft.security !== 'NONE' && draft.allowInvalidCertificate,
  };
}

function settings(draft: MailboxDraft, port: number) {
  return {
    address: draft.address.trim(),
    departmentId: draft.departmentId,
    senderName: draft.senderName.trim(),
    enabled: draft.enabled,
    ...connection(draft, port),
    afterImport: draft.afterImport,
    afterImportFolder: draft.afterImport === 'MOVE' ? draft.afterImportFolder.trim() : null,
  };
}

export function toCreateInput(draft: MailboxDraft, port: number): MailboxCreateInput {
  return { ...settings(draft, port), password: draft.password };
}

/** Every field as in the form; the password only when one was typed (otherwise the stored one stays). */
export function toUpdateInput(draft: MailboxDraft, port: number, saved: { id: string; version: number }): MailboxUpdateInput {
  return { id: saved.id, version: saved.version, ...settings(draft, port), ...(draft.password ? { password: draft.password } : {}) };
}

/** The connection settings as typed; for a saved mailbox (`id`) an empty password means the stored one. */
export function toTestInput(draft: MailboxDraft, port: number, id: string | null): MailboxTestInput {
  return { ...(id ? { id } : {}), ...connection(draft, port), ...(draft.password ? { password: draft.password } : {}) };
}
