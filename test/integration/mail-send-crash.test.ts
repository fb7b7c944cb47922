import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { Gql, sleep } from '../helpers/graphql.js';
import { spawnServer, type ServerProcess } from '../helpers/process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startSmtp, type SmtpAnswer, type TestSmtp } from '../helpers/smtp.js';

/**
 * A server process is killed (SIGKILL) while the mail server is still taking its reply; another
 * process sends the reply after the send timed out. The customer gets it once, with the Message-ID
 * the reply was written with.
 */
let smtp: TestSmtp;
let server: TestServer;
let world: World;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
});
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await server?.close();
  await smtp?.stop();
});

const sender = () =>
  spawnServer({
    DATABASE_URL: inject('databaseUrl'),
    TRESEN_SECRET: 'test-secret-test-secret-test-secret-42',
    TRESEN_MAIL_WORKER: 'true',
    TRESEN_MAIL_TENANTS: world.tenantId,
    TRESEN_SEND_TIMEOUT_SECONDS: '3',
    TRESEN_SEND_RETRY_SECONDS: '1',
    TRESEN_JOB_SCHEMA: 'pgboss_send_crash',
    LOG_LEVEL: 'error',
  }).then((p) => {
    processes.push(p);
    return p;
  });

describe('a crash while a reply is being sent', () => {
  it('sends it once, with its own Message-ID, from the process that takes over', { timeout: 60_000 }, async () => {
    const first = await sender();
    const { mailboxCreate } = await world.asAdmin.data<{ mailboxCreate: { id: string; version: number } }>(
      'mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id version } }',
      {
        i: {
          address: 'absturz@tresen.example',
          departmentId: world.sharedDepartmentId,
          host: '127.0.0.1',
          port: 1,
          security: 'NONE',
          user: 'unused',
          password: 'unused',
          enabled: false,
        },
      },
    );
    await world.asAdmin.data('mutation ($i: MailboxSendingUpdateInput!) { mailboxSendingUpdate(input: $i) { id } }', {
      i: { id: mailboxCreate.id, version: mailboxCreate.version, enabled: true, host: '127.0.0.1', port: smtp.port, security: 'NONE' },
    });
    // The mail server takes the message but does not answer yet: the reply is in flight.
    let release: (answer: SmtpAnswer) => void = () => undefined;
    smtp.answer = (_raw, attempt) => (attempt === 1 ? new Promise<SmtpAnswer>((resolve) => (release = resolve)) : 'accept');
    const agent = new Gql(first.graphqlUrl, world.asAgent.credentials);
    const { ticketCreate } = await agent.data<{ ticketCreate: { id: string } }>('mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id } }', {
      i: { subject: 'Absturz beim Senden', departmentId: world.sharedDepartmentId, text: 'Telefonat', channel: 'PHONE' },
    });
    const { ticketReply } = await agent.data<{ ticketReply: { id: string; mailMessageId: string } }>(
      'mutation ($i: TicketReplyInput!) { ticketReply(input: $i) { id mailMessageId } }',
      { i: { ticketId: ticketCreate.id, to: ['kunde@customer.example'], body: 'Antwort im Flug.' } },
    );
    const until = Date.now() + 15_000;
    while (smtp.attempts < 1) {
      if (Date.now() > until) throw new Error(`the reply never reached the mail server:\n${first.output()}`);
      await sleep(50);
    }
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    // The connection died before the server said 250: this attempt is not delivered.
    release({ code: 451, message: '4.4.2 Connection lost' });
    expect(smtp.received).toHaveLength(0);

    await sender();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row] = await sql<{ send_status: string; send_attempts: number }>(
        server.orm.em.fork(),
        'select send_status, send_attempts from messages where id = ?',
        [ticketReply.id],
      );
      if (row?.send_status === 'sent') {
        expect(row.send_attempts).toBe(2);
        break;
      }
      if (Date.now() > deadline) {
        const jobs = await sql(
          server.orm.em.fork(),
          'select state, retry_count, expire_seconds, started_on, start_after, now() as now from pgboss_send_crash.job',
        );
        const queues = await sql(server.orm.em.fork(), 'select * from pgboss_send_crash.queue');
        throw new Error(`the reply was not sent after the takeover: ${JSON.stringify(row)} ${JSON.stringify(jobs)} ${JSON.stringify(queues)}`);
      }
      await sleep(200);
    }
    await sleep(1000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.parsed.messageId).toBe(`<${ticketReply.mailMessageId}>`);
  });
});
