/**
 * Benchmark: replies through Tresen's outbox (ticketReply → pg-boss job → pooled nodemailer) to a
 * loopback SMTP server, against bare pooled nodemailer sending the same messages to the same
 * server, in one run.
 *
 * Run with `npm run bench:mail-send`. Settings, all optional:
 * - BENCH_DATABASE_URL  PostgreSQL to create the throw-away database on (default postgres://postgres@127.0.0.1:5432/postgres)
 * - BENCH_REPLIES       replies per phase (default 5000; the target is defined at 5000)
 *
 * The replies are written first with the sender off; the measured time runs from starting a
 * process with the sender on until the SMTP server has accepted every reply and the database says
 * every one is SENT. Target: at least half the bare rate. Reported, not failed.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { benchDatabase, graphql, positiveInt, signInDemoAdmin, startTresen } from './lib/harness.mjs';

const TARGET_RATIO = 0.5;
const replies = positiveInt('BENCH_REPLIES', 5000);
const database = benchDatabase();
process.env.NODE_ENV ??= 'production';

const BODY = `Guten Tag,\n\n${'vielen Dank für Ihre Nachricht. Wir haben uns das Problem angesehen und melden uns mit einer Lösung. '.repeat(8)}\n\nMit freundlichen Grüßen`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs `task(i)` for i in 0..n-1 with at most `limit` in flight. */
async function pool(n, limit, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

let cleanup = [];
process.once('SIGINT', () => {
  void Promise.all(cleanup.map((f) => f().catch(() => undefined)))
    .then(database.drop)
    .finally(() => process.exit(130));
});

await database.create();
const sinkPort = await freePort();
const sink = fork(new URL('./lib/smtp-sink.mjs', import.meta.url), [String(sinkPort)]);
const fromSink = (key) =>
  new Promise((resolve) =>
    sink.on('message', function on(m) {
      if (key in m) {
        sink.off('message', on);
        resolve(m[key]);
      }
    }),
  );
await fromSink('listening');
const sinkCount = () => {
  const answer = fromSink('count');
  sink.send('count');
  return answer;
};
cleanup.push(async () => sink.kill());

try {
  // Bare: pooled nodemailer, the same pool size and messages in flight as Tresen's sender.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sinkPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 3,
    maxMessages: 500,
  });
  const bareStart = performance.now();
  await pool(replies, 16, async (i) => {
    await transport.sendMail({
      from: { name: 'Tresen Support', address: 'support@bench.example' },
      to: `kunde${i % 100}@customer.example`,
      subject: `Re: Bench ${i} [#${i}]`,
      text: BODY,
      html: `<p>${BODY.replace(/\n/g, '<br>')}</p>`,
      messageId: `<bare.${i}@bench.example>`,
    });
  });
  const bareSeconds = (performance.now() - bareStart) / 1000;
  transport.close();
  const bareCount = await sinkCount();

  // Tresen: write the replies with the sender off, then start a process that sends.
  // The IMAP side stays idle (no tenant accepted); only the outbox matters here.
  const quietMail = { mailWorker: { acceptTenant: () => false } };
  const writer = await startTresen(database.url, { TRESEN_MAIL_WORKER: 'false' }, quietMail);
  cleanup.push(writer.close);
  const call = (query, variables, cookie) => graphql(writer.url, query, variables, cookie);
  const cookie = await signInDemoAdmin(writer.url);
  const { departments } = (await call('{ departments { id name isPrivate } }', {}, cookie)).data;
  const departmentId = departments.find((d) => !d.isPrivate).id;
  const { mailboxCreate } = (
    await call(
      'mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id version } }',
      { i: { address: 'support@bench.example', departmentId, host: '127.0.0.1', port: 1, security: 'NONE', user: 'x', password: 'x', enabled: false } },
      cookie,
    )
  ).data;
  await call(
    'mutation ($i: MailboxSendingUpdateInput!) { mailboxSendingUpdate(input: $i) { id } }',
    { i: { id: mailboxCreate.id, version: mailboxCreate.version, enabled: true, host: '127.0.0.1', port: sinkPort, security: 'NONE' } },
    cookie,
  );
  const tickets = [];
  for (let t = 0; t < 50; t++) {
    const { ticketCreate } = (
      await call(
        'mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id } }',
        { i: { subject: `Bench ${t}`, departmentId, text: 'Anfrage', channel: 'PHONE' } },
        cookie,
      )
    ).data;
    tickets.push(ticketCreate.id);
  }
  console.log(`writing ${replies} replies…`);
  await pool(replies, 8, async (i) => {
    await call(
      'mutation ($i: TicketReplyInput!) { ticketReply(input: $i) { id } }',
      { i: { ticketId: tickets[i % tickets.length], to: [`kunde${i % 100}@customer.example`], body: BODY } },
      cookie,
    );
  });
  await writer.close();
  cleanup = cleanup.filter((f) => f !== writer.close);

  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  const queued = Number((await db.query("select count(*) as n from messages where send_status = 'queued'")).rows[0].n);
  console.log(`${queued} replies queued; starting a sender…`);
  const before = await sinkCount();
  const sendStart = performance.now();
  const sender = await startTresen(database.url, { TRESEN_MAIL_WORKER: 'true' }, quietMail);
  cleanup.push(sender.close);
  for (;;) {
    const accepted = (await sinkCount()) - before;
    if (accepted >= replies) break;
    if (performance.now() - sendStart > 600_000) throw new Error(`only ${accepted} of ${replies} replies were sent in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (;;) {
    const sent = Number((await db.query("select count(*) as n from messages where send_status = 'sent'")).rows[0].n);
    if (sent >= replies) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const tresenSeconds = (performance.now() - sendStart) / 1000;
  const duplicates = (await sinkCount()) - before - replies;
  await db.end();
  await sender.close();
  cleanup = cleanup.filter((f) => f !== sender.close);

  const bareRate = bareCount / bareSeconds;
  const tresenRate = replies / tresenSeconds;
  const ratio = tresenRate / bareRate;
  console.log('');
  console.log(`mail send: ${replies} replies to a loopback SMTP server (smtp-server), pooled connections (3)`);
  console.log(`  bare nodemailer (pooled)      ${bareRate.toFixed(0)} messages/s   (${bareSeconds.toFixed(1)} s)`);
  console.log(
    `  Tresen outbox (ticketReply)   ${tresenRate.toFixed(0)} replies/s    (${tresenSeconds.toFixed(1)} s from starting the sender until all SENT; extra deliveries: ${duplicates})`,
  );
  console.log(`  ratio                         ${ratio.toFixed(2)}   target >= ${TARGET_RATIO}   ${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'}`);
} finally {
  for (const f of cleanup) await f().catch(() => undefined);
  sink.send('stop');
  await database.drop();
}
