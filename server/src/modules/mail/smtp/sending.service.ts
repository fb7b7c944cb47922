import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../../graphql/errors.js';
import { sql } from '../../../infra/sql.js';
import type { TresenPubSub } from '../../../realtime/pubsub.js';
import type { SecretBox } from '../../../shared/secret-box.js';
import { requireText } from '../../../shared/text.js';
import type { StaffViewer, UserViewer } from '../../auth/viewer.js';
import { User } from '../../users/user.entity.js';
import type { ImapSecurity } from '../imap/imap-settings.js';
import type { IMailbox, SmtpTransport } from '../mailbox.entity.js';
import { CONTROL, HOST, type MailboxService } from '../mailbox.service.js';
import { diagnoseSmtp, type SmtpDiagnosis } from './diagnose-smtp.js';
import type { SmtpSettings } from './smtp-settings.js';

export interface SendingFields {
  enabled?: boolean | null;
  transport?: SmtpTransport | null;
  host?: string | null;
  port?: number | null;
  security?: ImapSecurity | null;
  user?: string | null;
  password?: string | null;
  clearUser?: boolean | null;
  allowInvalidCertificate?: boolean | null;
  autoReplyEnabled?: boolean | null;
  autoReplySubject?: string | null;
  autoReplyText?: string | null;
}

const SIGNATURE_MAX = 5_000;

/** Sending settings of an address (admins), and signatures (address: admins; own: every staff member). */
export class SendingService {
  constructor(
    private readonly em: EntityManager,
    private readonly mailboxes: MailboxService,
    private readonly box: SecretBox,
    private readonly pubSub: TresenPubSub,
  ) {}

  async update(viewer: UserViewer, id: string, version: number, input: SendingFields): Promise<IMailbox> {
    const mailbox = await this.mailboxes.find(viewer, id);
    if (!mailbox) throw notFound('Mailbox');
    if (mailbox.version !== version)
      throw new DomainError(ErrorCode.Conflict, 'Someone else changed this mailbox meanwhile. Reload it and try again.', 'version');
    const settings = validateSmtp(input, mailbox);
    if (input.password !== undefined && input.password !== null && (input.password.length > 500 || CONTROL.test(input.password)))
      throw fieldError('password', 'The password must be at most 500 characters without control characters.');
    Object.assign(mailbox, settings, { updatedAt: new Date() });
    if (input.password) mailbox.smtpPasswordEnc = this.box.seal(input.password);
    if (input.clearUser) mailbox.smtpPasswordEnc = null;
    await this.em.flush();
    await this.pubSub.publish('mailboxChanged', mailbox.tenantId, { mailboxId: mailbox.id, departmentId: mailbox.departmentId, deleted: false });
    return mailbox;
  }

  /** Connects and signs in with the given settings (a saved mailbox's, overridden by the input). */
  async test(viewer: UserViewer, id: string | null, input: SendingFields): Promise<SmtpDiagnosis> {
    const existing = id ? await this.mailboxes.find(viewer, id) : null;
    if (id && !existing) throw notFound('Mailbox');
    const fields = validateSmtp({ ...input, enabled: true }, existing);
    let password = input.password ?? null;
    if (!password && existing && fields.smtpUser) {
      const rows = await sql<{ smtp_password_enc: string | null }>(this.em, 'select smtp_password_enc from mailboxes where tenant_id = ? and id = ?', [
        viewer.tenantId,
        existing.id,
      ]);
      const sealed = rows[0]?.smtp_password_enc ?? null;
      password = sealed ? this.box.open(sealed) : null;
      if (sealed && password === null) throw fieldError('password', 'The stored password cannot be read (the server secret changed). Enter it again.');
    }
    const settings: SmtpSettings = {
      transport: fields.smtpTransport,
      host: fields.smtpHost,
      port: fields.smtpPort,
      security: fields.smtpSecurity,
      user: fields.smtpUser,
      password,
      allowInvalidCertificate: fields.smtpAllowInvalidCertificate,
    };
    return diagnoseSmtp(settings);
  }

  /** The signature of an address (admins), or with no mailbox the viewer's own. */
  async updateSignature(viewer: StaffViewer, mailboxId: string | null, text: string): Promise<string> {
    const signature = text.replaceAll('\u0000', '').trimEnd();
    if (signature.length > SIGNATURE_MAX) throw fieldError('text', `The signature must be at most ${SIGNATURE_MAX} characters long.`);
    if (mailboxId) {
      if (viewer.type !== 'user' || viewer.kind !== 'admin')
        throw new DomainError(ErrorCode.Forbidden, 'Only admins change the signature of an address.', 'mailboxId');
      const mailbox = await this.mailboxes.find(viewer, mailboxId);
      if (!mailbox) throw notFound('Mailbox');
      // Not a connection setting: no new version, so an open settings form of the same address stays valid.
      await sql(this.em, 'update mailboxes set signature = ?, updated_at = now() where tenant_id = ? and id = ?', [signature, viewer.tenantId, mailbox.id]);
      await this.pubSub.publish('mailboxChanged', mailbox.tenantId, { mailboxId: mailbox.id, departmentId: mailbox.departmentId, deleted: false });
      return signature;
    }
    if (viewer.type !== 'user') throw new DomainError(ErrorCode.Forbidden, 'API tokens have no signature of their own.', 'mailboxId');
    const user = await this.em.findOneOrFail(User, { tenantId: viewer.tenantId, id: viewer.userId });
    user.signature = signature;
    await this.em.flush();
    return signature;
  }

  async ownSignature(viewer: StaffViewer): Promise<string> {
    if (viewer.type !== 'user') return '';
    return (await this.em.findOne(User, { tenantId: viewer.tenantId, id: viewer.userId }))?.signature ?? '';
  }
}

function validateSmtp(input: SendingFields, current: IMailbox | null) {
  const enabled = input.enabled ?? current?.smtpEnabled ?? false;
  const transport = input.transport ?? current?.smtpTransport ?? 'smtp';
  const allowInvalidCertificate = input.allowInvalidCertificate ?? current?.smtpAllowInvalidCertificate ?? false;
  const rawHost = input.host !== undefined ? input.host : (current?.smtpHost ?? null);
  const host = rawHost === null || rawHost.trim() === '' ? null : rawHost.trim().toLowerCase();
  if (host !== null && !HOST.test(host)) throw fieldError('host', 'Enter a host name such as smtp.example.com or an IP address.');
  const port = input.port !== undefined ? input.port : (current?.smtpPort ?? null);
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw fieldError('port', 'The port must be from 1 to 65535 (usually 587 for STARTTLS, 465 for TLS).');
  const security = input.security !== undefined ? input.security : (current?.smtpSecurity ?? null);
  let user = input.user !== undefined ? input.user : (current?.smtpUser ?? null);
  if (input.clearUser) user = null;
  if (user !== null) user = user.trim() === '' ? null : requireText(user, 'user', 200, 'user name');
  if (enabled && transport === 'smtp') {
    if (host === null) throw fieldError('host', 'Enter the SMTP host.');
    if (port === null) throw fieldError('port', 'Enter the SMTP port.');
    if (security === null) throw fieldError('security', 'Choose the encryption.');
  }
  const autoReplyEnabled = input.autoReplyEnabled ?? current?.autoReplyEnabled ?? false;
  const autoReplySubject = (input.autoReplySubject ?? current?.autoReplySubject ?? '').trim();
  if (autoReplySubject.length > 200 || CONTROL.test(autoReplySubject))
    throw fieldError('autoReplySubject', 'The subject must be at most 200 characters, on one line.');
  const autoReplyText = (input.autoReplyText ?? current?.autoReplyText ?? '').replaceAll('\u0000', '').trimEnd();
  if (autoReplyText.length > 20_000) throw fieldError('autoReplyText', 'The text must be at most 20000 characters long.');
  if (autoReplyEnabled && autoReplyText.trim() === '') throw fieldError('autoReplyText', 'Write the text of the acknowledgement, or turn it off.');
  return {
    autoReplyEnabled,
    autoReplySubject,
    autoReplyText,
    smtpEnabled: enabled,
    smtpTransport: transport,
    smtpHost: host,
    smtpPort: port,
    smtpSecurity: security,
    smtpUser: user,
    smtpAllowInvalidCertificate: allowInvalidCertificate,
  };
}
