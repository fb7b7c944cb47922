import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { sleep } from '../helpers/graphql.js';
import { newMessageId, rawMail } from '../helpers/mail.js';
import { spawnServer, type ServerProcess } from '../helpers/process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * A server process is killed (SIGKILL) while it imports and moves mail; a new process takes the
 * mailbox over. Every mail must end up imported exactly once and moved exactly once.
 */
/** Several import batches (up to 100 mails each), so the kill can land after any of their commits but the last. */
const TOTAL = 350;
let dovecot: Dovecot;
let server: TestServer;
let world: World;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
});
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await server?.close();
  await dovecot?.stop();
});

const worker = () =>
  spawnServer({
    DATABASE_URL: inject('databaseUrl'),
    TRESEN_SECRET: 'test-secret-test-secret-test-secret-42',
    TRESEN_MAIL_WORKER: 'true',
    TRESEN_MAIL_LEASE_SECONDS: '2',
    TRESEN_MAIL_TENANTS: world.tenantId,
    TRESEN_JOB_SCHEMA: 'pgboss_mail_crash',
    LOG_LEVEL: 'error',
  }).then((p) => {
    processes.push(p);
    return p;
  });

async function counts(mailboxId: string) {
  const [row] = await sql<{ total: string; pending: string }>(
    server.orm.em.fork(),
    'select count(*) as total, count(*) filter (where not server_done) as pending from inbound_mails where mailbox_id = ?',
    [mailboxId],
  );
  return { total: Number(row!.total), pending: Number(row!.pending) };
}

describe('a crash between commit and the server-side move', () => {
  it('leaves no duplicate and no mail behind after another process takes over', { timeout: 90_000 }, async () => {
    const account = await dovecot.createUser();
    const { mailboxCreate } = await world.asAdmin.data<{ mailboxCreate: { id: string } }>(
      'mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id } }',
      {
        i: {
          address: `${account.user}@tresen.example`.toLowerCase(),
          departmentId: world.sharedDepartmentId,
          host: dovecot.host,
          port: dovecot.port,
          security: 'NONE',
          user: account.user,
          password: account.password,
          afterImport: 'MOVE',
          afterImportFolder: 'Processed',
        },
      },
    );
    const mailboxId = mailboxCreate.id;
    const ids: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      const id = newMessageId();
      ids.push(id);
      await dovecot.append(account.user, 'INBOX', rawMail({ subject: `Absturz ${i}`, messageId: id }));
    }

    const first = await worker();
    // Kill while imported mail is committed but not yet moved on the server.
    const until = Date.now() + 30_000;
    for (;;) {
      const now = await counts(mailboxId);
      if (now.total >= 30 && now.pending > 0) break;
      if (Date.now() > until) throw new Error(`never caught the window: ${JSON.stringify(now)}`);
      await sleep(5);
    }
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const atCrash = await counts(mailboxId);
    expect(atCrash.total).toBeLessThan(TOTAL);
    expect(atCrash.pending).toBeGreaterThan(0);

    const second = await worker();
    const deadline = Date.now() + 45_000;
    for (;;) {
      const now = await counts(mailboxId);
      if (now.total === TOTAL && now.pending === 0) break;
      if (Date.now() > deadline) throw new Error(`the second process did not finish: ${JSON.stringify(now)}\n${second.output()}`);
      await sleep(100);
    }
    await second.stop();

    const perId = await sql<{ mail_message_id: string; n: string }>(
      server.orm.em.fork(),
      'select mail_message_id, count(*) as n from messages where tenant_id = ? and mail_message_id = any(?::text[]) group by mail_message_id',
      [world.tenantId, `{${ids.map((id) => `"${id}"`).join(',')}}`],
    );
    expect(perId).toHaveLength(TOTAL);
    expect(perId.every((row) => Number(row.n) === 1)).toBe(true);
    expect(await dovecot.list(account.user, 'INBOX')).toHaveLength(0);
    expect(await dovecot.list(account.user, 'Processed')).toHaveLength(TOTAL);
  });
});
