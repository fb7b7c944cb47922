import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startDovecot, type Dovecot, type DovecotAccount } from '../../../../../../test/helpers/dovecot.js';
import { rawMail } from '../../../../../../test/helpers/mail.js';
import { diagnoseImap, type ImapDiagnosis } from '../diagnose.js';
import type { ImapSettings } from '../imap-settings.js';

let dovecot: Dovecot;
let noIdle: Dovecot;
let account: DovecotAccount;
let selfSigned: Server;

/** TLS with a self-signed certificate in front of the plaintext Dovecot, as many small servers run. */
async function selfSignedTlsProxy(target: number): Promise<Server> {
  const dir = await mkdtemp(join(tmpdir(), 'tresen-cert-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const certArgs = ['-subj', '/CN=localhost', '-keyout', key, '-out', cert];
    await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', ...certArgs]);
    const server = createServer({ key: await readFile(key), cert: await readFile(cert) }, (tls) => {
      const plain = connect(target, '127.0.0.1');
      tls.pipe(plain).pipe(tls);
      tls.on('error', () => plain.destroy());
      plain.on('error', () => tls.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const portOf = (server: Server) => (server.address() as { port: number }).port;

beforeAll(async () => {
  [dovecot, noIdle] = await Promise.all([startDovecot(), startDovecot({ idle: false })]);
  selfSigned = await selfSignedTlsProxy(dovecot.port);
  account = await dovecot.createUser();
  await dovecot.append(account.user, 'INBOX', rawMail({ subject: 'Eins' }));
  await dovecot.append(account.user, 'INBOX', rawMail({ subject: 'Zwei' }));
});
afterAll(async () => {
  selfSigned?.close();
  await Promise.all([dovecot?.stop(), noIdle?.stop()]);
});

function settings(overrides: Partial<ImapSettings> = {}): ImapSettings {
  return {
    host: dovecot.host,
    port: dovecot.port,
    security: 'none',
    user: account.user,
    password: account.password,
    folder: 'INBOX',
    allowInvalidCertificate: false,
    ...overrides,
  };
}

/** Runs the diagnosis and checks what every result must hold: the password never shows. */
async function diagnose(overrides: Partial<ImapSettings> = {}): Promise<ImapDiagnosis> {
  const used = settings(overrides);
  const result = await diagnoseImap(used);
  expect(result.message).not.toContain(used.password);
  expect(result.ok).toBe(result.stage === 'ok');
  return result;
}

describe('diagnoseImap', () => {
  it('logs in, opens the folder and reports the message count and IDLE', async () => {
    const result = await diagnose();
    expect(result).toMatchObject({ ok: true, stage: 'ok', idle: true, messages: 2 });
    expect(result.capabilities).toEqual(expect.arrayContaining(['IMAP4rev1', 'IDLE']));
    expect(result.message).toContain('IDLE');
  });

  it('reports a server without IDLE as working, to be polled', async () => {
    const other = await noIdle.createUser();
    const result = await diagnose({ port: noIdle.port, user: other.user, password: other.password });
    expect(result).toMatchObject({ ok: true, stage: 'ok', idle: false, messages: 0 });
    expect(result.capabilities).not.toContain('IDLE');
  });

  it('names a wrong password as a login failure without repeating it', async () => {
    const result = await diagnose({ password: 'wrong-password-123' });
    expect(result.stage).toBe('login');
    expect(result.message).toContain('The server refused the user name or password');
  });

  it('reports a refused connection on a port nobody listens on, at once', async () => {
    const started = Date.now();
    const result = await diagnose({ port: await freePort() });
    expect(result.stage).toBe('tcp');
    expect(result.message).toMatch(/refused/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports an unknown host at the DNS step', async () => {
    const result = await diagnose({ host: 'no-such-host.invalid' });
    expect(result.stage).toBe('dns');
    expect(result.message).toContain('no-such-host.invalid');
  });

  it('reports TLS against a plaintext port as a TLS failure', async () => {
    const result = await diagnose({ security: 'tls' });
    expect(result.stage).toBe('tls');
    expect(result.message).toMatch(/does not speak TLS/);
  });

  it('names a self-signed certificate as such and points to allowInvalidCertificate', async () => {
    const result = await diagnose({ port: portOf(selfSigned), security: 'tls' });
    expect(result.stage).toBe('tls');
    expect(result.message).toContain('certificate');
    expect(result.message).toContain('self-signed');
    expect(result.message).toContain('allowInvalidCertificate');
  });

  it('logs in over TLS with a self-signed certificate when the admin allows it', async () => {
    const result = await diagnose({ port: portOf(selfSigned), security: 'tls', allowInvalidCertificate: true });
    expect(result).toMatchObject({ ok: true, stage: 'ok', messages: 2 });
  });

  it('reports a server without STARTTLS when STARTTLS is required', async () => {
    const result = await diagnose({ security: 'starttls' });
    expect(result.stage).toBe('tls');
    expect(result.message).toContain('STARTTLS');
  });

  it('names the folders that exist when the folder is missing', async () => {
    const result = await diagnose({ folder: 'Nope' });
    expect(result).toMatchObject({ ok: false, stage: 'folder' });
    expect(result.message).toContain('"Nope" does not exist');
    expect(result.message).toMatch(/INBOX, Archive, Processed|INBOX.*Archive.*Processed/);
  });

  it('keeps the password out of the message even where the server quotes it back', async () => {
    // The server names the folder in its answer; a folder named like the password must not leak it.
    const result = await diagnose({ folder: account.password });
    expect(result.stage).toBe('folder');
    expect(result.message).toContain('INBOX');
  });
});
