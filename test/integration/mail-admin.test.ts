import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { worldFactory, type World } from '../helpers/factories.js';
import type { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Mailbox administration through GraphQL: who may, what is checked, what is never shown. */
let dovecot: Dovecot;
let server: TestServer;
let world: World;
let other: World;
let account: { user: string; password: string };

const FIELDS = 'id address senderName departmentId enabled host port security user folder allowInvalidCertificate afterImport afterImportFolder version';
const CREATE = `mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { ${FIELDS} } }`;

beforeAll(async () => {
  dovecot = await startDovecot();
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  other = await worldFactory(server.orm, server.url);
  account = await dovecot.createUser();
});
afterAll(async () => {
  await server?.close();
  await dovecot?.stop();
});

const input = (overrides: Record<string, unknown> = {}) => ({
  address: 'Hilfe@Firma.example',
  departmentId: world.sharedDepartmentId,
  host: dovecot.host,
  port: dovecot.port,
  security: 'NONE',
  user: account.user,
  password: account.password,
  ...overrides,
});

const mailboxCount = async () =>
  Number((await sql<{ n: string }>(server.orm.em.fork(), 'select count(*) as n from mailboxes where tenant_id = ?', [world.tenantId]))[0]!.n);

describe('mailbox administration', () => {
  it('creates a mailbox, seals the password, and never returns it', async () => {
    const result = await world.asAdmin.request<{ mailboxCreate: { id: string; address: string; afterImport: string } }>(CREATE, { i: input() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.mailboxCreate).toMatchObject({ address: 'hilfe@firma.example', afterImport: 'MARK_SEEN' });
    expect(JSON.stringify(result)).not.toContain(account.password);
    const [stored] = await sql<{ imap_password_enc: string }>(server.orm.em.fork(), 'select imap_password_enc from mailboxes where id = ?', [
      result.data!.mailboxCreate.id,
    ]);
    expect(stored!.imap_password_enc).not.toContain(account.password);
    expect(stored!.imap_password_enc).toMatch(/^v1:/);
    const listed = await world.asAdmin.request('{ mailboxes { id host user } }');
    expect(JSON.stringify(listed)).not.toContain(account.password);
    expect(await world.asAdmin.errorCode(CREATE, { i: input({ address: 'hilfe@firma.example' }) })).toBe('CONFLICT');
  });

  it.each([
    ['address', { address: 'not an address' }],
    ['address', { address: 'a@b.example\r\nBcc: x@evil.example' }],
    ['port', { port: 0 }],
    ['port', { port: 70000 }],
    ['host', { host: 'imap.example.com/../../etc' }],
    ['user', { user: '' }],
    ['folder', { folder: 'INBOX\r\nA1 DELETE INBOX' }],
    ['afterImportFolder', { afterImport: 'MOVE' }],
    ['afterImportFolder', { afterImport: 'MOVE', afterImportFolder: 'INBOX' }],
    ['password', { password: 'x'.repeat(501) }],
    ['departmentId', { departmentId: 'not-a-uuid' }],
  ])('refuses a bad %s with a field error and creates nothing', async (field, overrides) => {
    const before = await mailboxCount();
    const result = await world.asAdmin.request(CREATE, { i: input({ address: `f${Math.random().toString(16).slice(2, 8)}@firma.example`, ...overrides }) });
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(result.errors?.[0]?.extensions?.code);
    expect(await mailboxCount()).toBe(before);
  });

  it('is for signed-in admins only: agents, customers, tokens and other tenants get nothing', async () => {
    const { mailboxCreate } = await world.asAdmin.data<{ mailboxCreate: { id: string } }>(CREATE, { i: input({ address: 'perm@firma.example' }) });
    const viewers: [string, Gql][] = [
      ['agent', world.asAgent],
      ['customer', world.asCustomer],
      ['read token', world.asReadToken],
      ['write token', world.asWriteToken],
    ];
    for (const [name, as] of viewers) {
      expect(await as.errorCode('{ mailboxes { id } }'), name).toBe('FORBIDDEN');
      expect(await as.errorCode('mutation ($id: ID!) { mailboxDelete(id: $id) }', { id: mailboxCreate.id }), name).toBe('FORBIDDEN');
      expect(await as.errorCode('{ failedMails { id } }'), name).toBe('FORBIDDEN');
    }
    const { mailboxes } = await other.asAdmin.data<{ mailboxes: { id: string }[] }>('{ mailboxes { id } }');
    expect(mailboxes).toEqual([]);
    expect(await other.asAdmin.errorCode('mutation ($id: ID!) { mailboxDelete(id: $id) }', { id: mailboxCreate.id })).toBe('NOT_FOUND');
    expect(await other.asAdmin.errorCode('mutation ($id: ID!) { mailboxRefresh(id: $id) }', { id: mailboxCreate.id })).toBe('NOT_FOUND');
    expect(await other.asAdmin.errorCode(CREATE, { i: input({ address: 'x@firma.example' }) })).toBe('NOT_FOUND');
  });

  it('updates with an optimistic lock and keeps the password unless a new one is given', async () => {
    const { mailboxCreate } = await world.asAdmin.data<{ mailboxCreate: { id: string; version: number } }>(CREATE, {
      i: input({ address: 'lock@firma.example' }),
    });
    const update = 'mutation ($i: MailboxUpdateInput!) { mailboxUpdate(input: $i) { id version senderName afterImport afterImportFolder } }';
    const { mailboxUpdate } = await world.asAdmin.data<{ mailboxUpdate: { version: number; afterImportFolder: string } }>(update, {
      i: { id: mailboxCreate.id, version: mailboxCreate.version, senderName: 'Firma Support', afterImport: 'MOVE', afterImportFolder: 'Archive' },
    });
    expect(mailboxUpdate).toMatchObject({ version: mailboxCreate.version + 1, afterImportFolder: 'Archive' });
    expect(await world.asAdmin.errorCode(update, { i: { id: mailboxCreate.id, version: mailboxCreate.version, senderName: 'Alt' } })).toBe('CONFLICT');
    // The stored password still works: the test of the saved mailbox logs in.
    const { mailboxTest } = await world.asAdmin.data<{ mailboxTest: { ok: boolean; stage: string } }>(
      'mutation ($i: MailboxTestInput!) { mailboxTest(input: $i) { ok stage message } }',
      { i: { id: mailboxCreate.id } },
    );
    expect(mailboxTest).toMatchObject({ ok: true, stage: 'OK' });
  });

  it('tests settings and names the step that failed', async () => {
    const test = 'mutation ($i: MailboxTestInput!) { mailboxTest(input: $i) { ok stage message idle messages } }';
    const base = { host: dovecot.host, port: dovecot.port, security: 'NONE', user: account.user };
    const good = await world.asAdmin.data<{ mailboxTest: { ok: boolean; stage: string; idle: boolean } }>(test, { i: { ...base, password: account.password } });
    expect(good.mailboxTest).toMatchObject({ ok: true, stage: 'OK', idle: true });
    const wrong = await world.asAdmin.data<{ mailboxTest: { ok: boolean; stage: string; message: string } }>(test, {
      i: { ...base, password: 'wrong-password-123' },
    });
    expect(wrong.mailboxTest).toMatchObject({ ok: false, stage: 'LOGIN' });
    expect(wrong.mailboxTest.message).not.toContain('wrong-password-123');
    const folder = await world.asAdmin.data<{ mailboxTest: { stage: string; message: string } }>(test, {
      i: { ...base, password: account.password, folder: 'Nope' },
    });
    expect(folder.mailboxTest.stage).toBe('FOLDER');
    expect(folder.mailboxTest.message).toContain('INBOX');
    expect(await world.asAgent.errorCode(test, { i: { ...base, password: account.password } })).toBe('FORBIDDEN');
  });

  it('deletes a mailbox; its tickets stay', async () => {
    const { mailboxCreate } = await world.asAdmin.data<{ mailboxCreate: { id: string } }>(CREATE, { i: input({ address: 'weg@firma.example' }) });
    const { mailboxDelete } = await world.asAdmin.data<{ mailboxDelete: string }>('mutation ($id: ID!) { mailboxDelete(id: $id) }', { id: mailboxCreate.id });
    expect(mailboxDelete).toBe(mailboxCreate.id);
    const { mailboxes } = await world.asAdmin.data<{ mailboxes: { id: string }[] }>('{ mailboxes { id } }');
    expect(mailboxes.map((m) => m.id)).not.toContain(mailboxCreate.id);
  });
});
