import { describe, expect, it } from 'vitest';
import type { Mailbox } from '@/shared/entities/mailbox/composables/useMailboxes';
import { sendingDraftErrors, sendingDraftOf, smtpPortAfterSecurityChange, toSendingTestInput, toSendingUpdateInput } from './sendingForm';

const mailbox: Mailbox = {
  id: 'm1',
  address: 'support@tresen.example',
  senderName: 'Support',
  departmentId: 'd1',
  enabled: true,
  host: 'imap.tresen.example',
  port: 993,
  security: 'TLS',
  user: 'support@tresen.example',
  folder: 'INBOX',
  allowInvalidCertificate: false,
  afterImport: 'MARK_SEEN',
  afterImportFolder: null,
  version: 3,
  sending: {
    enabled: false,
    transport: 'SMTP',
    host: null,
    port: null,
    security: null,
    user: null,
    allowInvalidCertificate: false,
    autoReplyEnabled: false,
    autoReplySubject: '',
    autoReplyText: '',
  },
  signature: 'Ihr Support-Team',
  state: { connection: 'IDLE', lastImportAt: null, lastError: null, lastErrorAt: null, importedToday: 0, failedCount: 0 },
};

describe('sendingDraftOf', () => {
  it('suggests the IMAP provider’s SMTP host and user with STARTTLS on 587 for an address that never sent', () => {
    expect(sendingDraftOf(mailbox)).toMatchObject({
      enabled: false,
      transport: 'SMTP',
      host: 'smtp.tresen.example',
      port: 587,
      security: 'STARTTLS',
      signIn: true,
      user: 'support@tresen.example',
      password: '',
      signature: 'Ihr Support-Team',
    });
  });

  it('shows saved settings as they are, a server without user as sending without sign-in', () => {
    const saved = { ...mailbox, sending: { ...mailbox.sending, enabled: true, host: 'relay.local', port: 25, security: 'NONE' as const, user: null } };
    expect(sendingDraftOf(saved)).toMatchObject({ enabled: true, host: 'relay.local', port: 25, security: 'NONE', signIn: false, user: '' });
  });
});

describe('smtpPortAfterSecurityChange', () => {
  it('follows the usual port and keeps a typed one', () => {
    expect(smtpPortAfterSecurityChange(587, 'STARTTLS', 'TLS')).toBe(465);
    expect(smtpPortAfterSecurityChange('', 'TLS', 'NONE')).toBe(25);
    expect(smtpPortAfterSecurityChange(2525, 'STARTTLS', 'TLS')).toBe(2525);
  });
});

describe('sendingDraftErrors', () => {
  it('asks for host, port and user of an SMTP server, and the text of an acknowledgement', () => {
    const draft = { ...sendingDraftOf(mailbox), enabled: true, host: ' ', port: '' as const, user: '', autoReplyEnabled: true };
    expect(sendingDraftErrors(draft)).toEqual({ host: 'required', port: 'required', user: 'required', autoReplyText: 'required' });
    expect(sendingDraftErrors({ ...draft, port: 70000 })).toMatchObject({ port: 'invalid' });
  });

  it('needs no server while sending is off, none for sendmail and no user without sign-in', () => {
    expect(sendingDraftErrors({ ...sendingDraftOf(mailbox), enabled: false, host: '', port: '' })).toEqual({});
    expect(sendingDraftErrors({ ...sendingDraftOf(mailbox), enabled: true, transport: 'SENDMAIL', host: '' })).toEqual({});
    expect(sendingDraftErrors({ ...sendingDraftOf(mailbox), enabled: true, signIn: false, user: '' })).toEqual({});
  });
});

describe('toSendingUpdateInput', () => {
  it('sends the typed password only, and keeps the stored one otherwise', () => {
    const draft = { ...sendingDraftOf(mailbox), enabled: true };
    expect(toSendingUpdateInput(draft, { id: 'm1', version: 3 })).toEqual({
      id: 'm1',
      version: 3,
      enabled: true,
      transport: 'SMTP',
      host: 'smtp.tresen.example',
      port: 587,
      security: 'STARTTLS',
      allowInvalidCertificate: false,
      user: 'support@tresen.example',
      autoReplyEnabled: false,
      autoReplySubject: '',
      autoReplyText: '',
    });
    expect(toSendingUpdateInput({ ...draft, password: 'geheim' }, { id: 'm1', version: 3 })).toMatchObject({ password: 'geheim' });
  });

  it('clears user and password when sending without sign-in, and never accepts bad certificates unencrypted', () => {
    const input = toSendingUpdateInput(
      { ...sendingDraftOf(mailbox), signIn: false, password: 'x', security: 'NONE', allowInvalidCertificate: true },
      { id: 'm1', version: 3 },
    );
    expect(input).toMatchObject({ clearUser: true, allowInvalidCertificate: false });
    expect(input).not.toHaveProperty('user');
    expect(input).not.toHaveProperty('password');
  });

  it('sends only the transport for sendmail', () => {
    const input = toSendingUpdateInput({ ...sendingDraftOf(mailbox), transport: 'SENDMAIL' }, { id: 'm1', version: 3 });
    expect(input).not.toHaveProperty('host');
    expect(input).not.toHaveProperty('clearUser');
    expect(input).toMatchObject({ transport: 'SENDMAIL' });
  });
});

describe('toSendingTestInput', () => {
  it('tests without sign-in by an empty user name, and with the stored password unless one is typed', () => {
    expect(toSendingTestInput({ ...sendingDraftOf(mailbox), signIn: false }, 'm1')).toMatchObject({ id: 'm1', user: '' });
    expect(toSendingTestInput(sendingDraftOf(mailbox), 'm1')).not.toHaveProperty('password');
    expect(toSendingTestInput({ ...sendingDraftOf(mailbox), password: 'pw' }, 'm1')).toMatchObject({ user: 'support@tresen.example', password: 'pw' });
  });
});
