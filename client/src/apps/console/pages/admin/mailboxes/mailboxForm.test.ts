import { describe, expect, it } from 'vitest';
import { emptyDraft, parsePort, portAfterSecurityChange, toCreateInput, toTestInput, toUpdateInput, userAfterAddressChange } from './mailboxForm';

describe('portAfterSecurityChange', () => {
  it('switches the usual port along with the kind of connection', () => {
    expect(portAfterSecurityChange(993, 'TLS', 'STARTTLS')).toBe(143);
    expect(portAfterSecurityChange(143, 'STARTTLS', 'TLS')).toBe(993);
    expect(portAfterSecurityChange('', 'NONE', 'TLS')).toBe(993);
  });

  it('keeps a port the admin typed', () => {
    expect(portAfterSecurityChange(1143, 'NONE', 'TLS')).toBe(1143);
  });
});

describe('userAfterAddressChange', () => {
  it('follows the address while the user name is empty or equal to it', () => {
    expect(userAfterAddressChange('', '', 's')).toBe('s');
    expect(userAfterAddressChange('support@example.com', 'support@example.com', 'support@example.org')).toBe('support@example.org');
  });

  it('keeps a user name of its own', () => {
    expect(userAfterAddressChange('imap-support', 'support@example.com', 'help@example.com')).toBe('imap-support');
  });
});

describe('parsePort', () => {
  it('accepts whole numbers from 1 to 65535 only', () => {
    expect(parsePort(993)).toBe(993);
    expect(parsePort('')).toBeNull();
    expect(parsePort(0)).toBeNull();
    expect(parsePort(65536)).toBeNull();
    expect(parsePort(1.5)).toBeNull();
  });
});

describe('mailbox inputs', () => {
  const draft = {
    ...emptyDraft('dept-1'),
    address: ' Support@Example.com ',
    host: ' imap.example.com ',
    user: 'support@example.com',
    password: 'secret',
    afterImport: 'KEEP' as const,
    afterImportFolder: 'Archive',
  };

  it('sends a move target only when mail is moved', () => {
    expect(toCreateInput(draft, 993)).toMatchObject({ address: 'Support@Example.com', host: 'imap.example.com', afterImport: 'KEEP', afterImportFolder: null });
    expect(toCreateInput({ ...draft, afterImport: 'MOVE' }, 993).afterImportFolder).toBe('Archive');
  });

  it('keeps the stored password when the field is left empty', () => {
    const update = toUpdateInput({ ...draft, password: '' }, 993, { id: 'm1', version: 4 });
    expect(update).toMatchObject({ id: 'm1', version: 4, port: 993 });
    expect(update).not.toHaveProperty('password');
    expect(toUpdateInput(draft, 993, { id: 'm1', version: 4 }).password).toBe('secret');
  });

  it('tests a saved mailbox with its stored password unless one is typed', () => {
    expect(toTestInput({ ...draft, password: '' }, 143, 'm1')).toEqual({
      id: 'm1',
      host: 'imap.example.com',
      port: 143,
      security: 'TLS',
      user: 'support@example.com',
      folder: 'INBOX',
      allowInvalidCertificate: false,
    });
    expect(toTestInput(draft, 143, null)).not.toHaveProperty('id');
  });

  it('never accepts invalid certificates on an unencrypted connection', () => {
    expect(toCreateInput({ ...draft, security: 'NONE', allowInvalidCertificate: true }, 143).allowInvalidCertificate).toBe(false);
  });
});
