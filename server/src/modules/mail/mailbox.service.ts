import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { sql, timestamp } from '../../infra/sql.js';
import { pgArray } from '../tickets/ticket.filter.js';
import type { TresenPubSub } from '../../realtime/pubsub.js';
import { MAIL_WORKERS } from '../../realtime/topics.js';
import { isUuid } from '../../shared/ids.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { requireText } from '../../shared/text.js';
import type { UserViewer } from '../auth/viewer.js';
import type { DepartmentService } from '../departments/department.service.js';
import { diagnoseImap, type ImapDiagnosis } from './imap/diagnose.js';
import type { ImapSecurity, ImapSettings } from './imap/imap-settings.js';
import type { ConnectionState } from './imap/mailbox-watcher.js';
import type { MailImporter, ImportOutcome } from './import/mail-importer.js';
import { Mailbox, type AfterImport, type IMailbox } from './mailbox.entity.js';

export interface MailboxFields {
  address?: string | null;
  senderName?: string | null;
  departmentId?: string | null;
  enabled?: boolean | null;
  host?: string | null;
  port?: number | null;
  security?: ImapSecurity | null;
  user?: string | null;
  password?: string | null;
  folder?: string | null;
  allowInvalidCertificate?: boolean | null;
  afterImport?: AfterImport | null;
  afterImportFolder?: string | null;
}

export interface MailboxState {
  connection: ConnectionState;
  lastImportAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  importedToday: number;
  failedCount: number;
}

export interface FailedMailRow {
  id: string;
  mailbox_id: string;
  subject: string | null;
  from_address: string | null;
  reason: string;
  size: number;
  received_at: Date | string;
  imported_at: Date | string;
  retried_at: Date | string | null;
}

const ADDRESS = /^[^\s@<>"(),;:]{1,64}@[a-z0-9.-]{1,253}\.[a-z0-9-]{2,63}$/;
/** A host name or an IP address (IMAP and SMTP servers). */
export const HOST = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$|^\[?[0-9a-f:.]+\]?$/i;
const FOLDER_MAX = 200;
/** Control characters, refused in one-line settings and passwords. */
export const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Mailboxes (e-mail addresses of departments that receive over IMAP). Admins only, and only for
 * departments they can see: no one manages mail of a private department but its owner, who is not
 * an admin of it. The password is sealed on the way in and never leaves again.
 */
export class MailboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly departments: DepartmentService,
    private readonly box: SecretBox,
    private readonly pubSub: TresenPubSub,
    private readonly importer: MailImporter,
  ) {}

  async list(viewer: UserViewer): Promise<IMailbox[]> {
    const visible = await this.visibleDepartmentIds(viewer);
    return this.em.find(Mailbox, { tenantId: viewer.tenantId, departmentId: { $in: visible } }, { orderBy: { address: 'asc' } });
  }

  async find(viewer: UserViewer, id: string): Promise<IMailbox | null> {
    if (!isUuid(id)) return null;
    const mailbox = await this.em.findOne(Mailbox, { tenantId: viewer.tenantId, id });
    if (!mailbox || !(await this.visibleDepartmentIds(viewer)).includes(mailbox.departmentId)) return null;
    return mailbox;
  }

  async create(viewer: UserViewer, input: MailboxFields): Promise<IMailbox> {
    const fields = await this.validate(viewer, input, null);
    if (!input.password) throw fieldError('password', 'Enter the IMAP password.');
    await this.assertAddressFree(viewer.tenantId, fields.address, null);
    const now = new Date();
    const mailbox = this.em.create(Mailbox, {
      tenantId: viewer.tenantId,
      ...fields,
      imapPasswordEnc: this.box.seal(input.password),
      createdAt: now,
      updatedAt: now,
    });
    await this.em.flush();
    await this.changed(mailbox, false);
    return mailbox;
  }

  async update(viewer: UserViewer, id: string, version: number, input: MailboxFields): Promise<IMailbox> {
    const mailbox = await this.find(viewer, id);
    if (!mailbox) throw notFound('Mailbox');
    if (mailbox.version !== version)
      throw new DomainError(ErrorCode.Conflict, 'Someone else changed this mailbox meanwhile. Reload it and try again.', 'version');
    const fields = await this.validate(viewer, input, mailbox);
    if (fields.address !== mailbox.address) await this.assertAddressFree(viewer.tenantId, fields.address, mailbox.id);
    Object.assign(mailbox, fields, { updatedAt: new Date() });
    if (input.password) mailbox.imapPasswordEnc = this.box.seal(input.password);
    await this.em.flush();
    await this.changed(mailbox, false);
    return mailbox;
  }

  async delete(viewer: UserViewer, id: string): Promise<string> {
    const mailbox = await this.find(viewer, id);
    if (!mailbox) throw notFound('Mailbox');
    this.em.remove(mailbox);
    await this.em.flush();
    await this.changed(mailbox, true);
    return id;
  }

  /** Tests settings before saving; a missing password means the stored one of `id`. */
  async test(viewer: UserViewer, id: string | null, input: MailboxFields): Promise<ImapDiagnosis> {
    const existing = id ? await this.find(viewer, id) : null;
    if (id && !existing) throw notFound('Mailbox');
    const fields = validateImap(input, existing);
    let password = input.password ?? null;
    if (!password && existing) {
      const rows = await sql<{ imap_password_enc: string }>(this.em, 'select imap_password_enc from mailboxes where tenant_id = ? and id = ?', [
        viewer.tenantId,
        existing.id,
      ]);
      password = rows[0] ? this.box.open(rows[0].imap_password_enc) : null;
      if (password === null) throw fieldError('password', 'The stored password cannot be read (the server secret changed). Enter it again.');
    }
    if (!password) throw fieldError('password', 'Enter the IMAP password.');
    const settings: ImapSettings = {
      host: fields.imapHost,
      port: fields.imapPort,
      security: fields.imapSecurity,
      user: fields.imapUser,
      password,
      folder: fields.imapFolder,
      allowInvalidCertificate: fields.imapAllowInvalidCertificate,
    };
    return diagnoseImap(settings);
  }

  /** Asks the process watching the mailbox to fetch now. */
  async refresh(viewer: UserViewer, id: string): Promise<boolean> {
    const mailbox = await this.find(viewer, id);
    if (!mailbox) throw notFound('Mailbox');
    await this.pubSub.publish('mailWorker', MAIL_WORKERS, { kind: 'refresh', mailboxId: mailbox.id });
    return true;
  }

  async states(tenantId: string, ids: readonly string[]): Promise<Map<string, MailboxState>> {
    const rows = await sql<{
      mailbox_id: string;
      connection: ConnectionState | null;
      last_import_at: Date | string | null;
      last_error: string | null;
      last_error_at: Date | string | null;
      imported_today: string;
      failed: string;
    }>(
      this.em,
      `select m.id as mailbox_id, s.connection, s.last_import_at, s.last_error, s.last_error_at,
         (select count(*) from inbound_mails i where i.tenant_id = m.tenant_id and i.mailbox_id = m.id and i.status = 'imported' and i.imported_at >= date_trunc('day', now())) as imported_today,
         (select count(*) from inbound_mails i where i.tenant_id = m.tenant_id and i.mailbox_id = m.id and i.status = 'failed') as failed
       from mailboxes m left join mailbox_states s on s.mailbox_id = m.id
       where m.tenant_id = ? and m.id = any(?::uuid[])`,
      [tenantId, pgArray(ids)],
    );
    return new Map(
      rows.map((r) => [
        r.mailbox_id,
        {
          connection: r.connection ?? 'waiting',
          lastImportAt: timestamp(r.last_import_at),
          lastError: r.last_error,
          lastErrorAt: timestamp(r.last_error_at),
          importedToday: Number(r.imported_today),
          failedCount: Number(r.failed),
        },
      ]),
    );
  }

  async failedMails(viewer: UserViewer, mailboxId: string | null, first: number): Promise<FailedMailRow[]> {
    const mailboxes = (await this.list(viewer)).map((m) => m.id).filter((id) => !mailboxId || id === mailboxId);
    if (mailboxes.length === 0) return [];
    const rows = await sql<FailedMailRow>(
      this.em,
      `select id, mailbox_id, subject, from_address, reason, size, received_at, imported_at, retried_at from inbound_mails
        where tenant_id = ? and status = 'failed' and mailbox_id = any(?::uuid[]) order by imported_at desc limit ?`,
      [viewer.tenantId, pgArray(mailboxes), Math.min(Math.max(first, 1), 200)],
    );
    return rows.map(withDates);
  }

  async failedMail(viewer: UserViewer, id: string): Promise<(FailedMailRow & { raw: Buffer }) | null> {
    if (!isUuid(id)) return null;
    const rows = await sql<FailedMailRow & { raw: Buffer }>(
      this.em,
      `select id, mailbox_id, subject, from_address, reason, size, received_at, imported_at, retried_at, raw from inbound_mails where tenant_id = ? and id = ? and status = 'failed'`,
      [viewer.tenantId, id],
    );
    const row = rows[0];
    if (!row || !(await this.find(viewer, row.mailbox_id))) return null;
    return withDates(row);
  }

  async retry(viewer: UserViewer, id: string): Promise<ImportOutcome> {
    if (!(await this.failedMail(viewer, id))) throw notFound('Failed mail');
    const outcome = await this.importer.retry(viewer.tenantId, id);
    if (!outcome) throw notFound('Failed mail');
    return outcome;
  }

  private async validate(viewer: UserViewer, input: MailboxFields, current: IMailbox | null) {
    const address = pick(input.address, current?.address, 'address').trim().toLowerCase();
    if (!ADDRESS.test(address)) throw fieldError('address', 'Enter an e-mail address such as support@example.com.');
    const departmentId = pick(input.departmentId, current?.departmentId, 'departmentId');
    if (!isUuid(departmentId) || !(await this.visibleDepartmentIds(viewer)).includes(departmentId))
      throw new DomainError(ErrorCode.NotFound, 'Department not found.', 'departmentId');
    const senderName = (input.senderName ?? current?.senderName ?? '').trim();
    if (senderName.length > 100 || CONTROL.test(senderName)) throw fieldError('senderName', 'The sender name must be at most 100 characters, on one line.');
    if (input.password !== undefined && input.password !== null && (input.password.length > 500 || CONTROL.test(input.password)))
      throw fieldError('password', 'The password must be at most 500 characters without control characters.');
    const imap = validateImap(input, current);
    const afterImport = pick(input.afterImport, current?.afterImport ?? 'seen', 'afterImport');
    let afterImportFolder: string | null = input.afterImportFolder !== undefined ? input.afterImportFolder : (current?.afterImportFolder ?? null);
    if (afterImport === 'move') {
      afterImportFolder = requireText(afterImportFolder ?? '', 'afterImportFolder', FOLDER_MAX, 'target folder');
      if (afterImportFolder === imap.imapFolder) throw fieldError('afterImportFolder', 'Mail cannot be moved into the folder it is imported from.');
    } else afterImportFolder = null;
    return { address, departmentId, senderName, imapEnabled: input.enabled ?? current?.imapEnabled ?? true, ...imap, afterImport, afterImportFolder };
  }

  private async assertAddressFree(tenantId: string, address: string, exceptId: string | null): Promise<void> {
    const taken = await this.em.findOne(Mailbox, { tenantId, address });
    if (taken && taken.id !== exceptId) throw new DomainError(ErrorCode.Conflict, `The address ${address} is already set up.`, 'address');
  }

  private async visibleDepartmentIds(viewer: UserViewer): Promise<string[]> {
    return (await this.departments.list(viewer)).map((d) => d.id);
  }

  private async changed(mailbox: IMailbox, deleted: boolean): Promise<void> {
    await this.pubSub.publish('mailWorker', MAIL_WORKERS, { kind: 'reload', mailboxId: mailbox.id });
    await this.pubSub.publish('mailboxChanged', mailbox.tenantId, { mailboxId: mailbox.id, departmentId: mailbox.departmentId, deleted });
  }
}

/** Failed-mail rows with their timestamps as dates (raw SQL reads them as text). */
function withDates<R extends FailedMailRow>(row: R): R {
  return { ...row, received_at: timestamp(row.received_at), imported_at: timestamp(row.imported_at), retried_at: timestamp(row.retried_at) };
}

function pick<T>(value: T | null | undefined, fallback: T | undefined, field: string): T {
  if (value !== undefined && value !== null) return value;
  if (fallback === undefined) throw fieldError(field, 'This field is required.');
  return fallback;
}

/** Connection settings, each checked with a message that says what to enter. */
function validateImap(input: MailboxFields, current: IMailbox | null) {
  const host = pick(input.host, current?.imapHost, 'host').trim().toLowerCase();
  if (!HOST.test(host)) throw fieldError('host', 'Enter a host name such as imap.example.com or an IP address.');
  const port = pick(input.port, current?.imapPort, 'port');
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw fieldError('port', 'The port must be from 1 to 65535 (usually 993 for TLS, 143 for STARTTLS).');
  const security = pick(input.security, current?.imapSecurity, 'security');
  const user = requireText(pick(input.user, current?.imapUser, 'user'), 'user', 200, 'user name');
  const folder = requireText(pick(input.folder, current?.imapFolder ?? 'INBOX', 'folder'), 'folder', FOLDER_MAX, 'folder');
  const allowInvalidCertificate = input.allowInvalidCertificate ?? current?.imapAllowInvalidCertificate ?? false;
  return { imapHost: host, imapPort: port, imapSecurity: security, imapUser: user, imapFolder: folder, imapAllowInvalidCertificate: allowInvalidCertificate };
}
