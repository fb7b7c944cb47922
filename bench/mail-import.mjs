/**
 * Benchmark: mail import. Appends realistic customer mail to a Dovecot of its own, lets Tresen's mail
 * worker import it (IDLE watcher, one transaction per fetched batch), and compares the rate with a bare
 * ImapFlow client that fetches and parses the same messages with the same parseMail and writes
 * nothing. Then, with the watcher idle, appends messages one at a time and measures how long each
 * takes from the end of its APPEND to the `inboundMail` event at a subscribed agent console.
 *
 * Run with `npm run bench:mail-import` (builds the server first). Settings, all optional:
 * - BENCH_DATABASE_URL        PostgreSQL to create the throw-away database on
 *                             (default postgres://postgres@127.0.0.1:5432/postgres)
 * - BENCH_MAIL_COUNT          messages to import (default 10000)
 * - BENCH_MAIL_LATENCY_COUNT  messages appended one at a time for the latency (default 200)
 * - BENCH_MAIL_CORPUS         folder of real-world *.eml mixed in at 1 in 100 (default ../shared/mail-corpus
 *                             beside the repository, skipped when absent); `none` for generated mail only
 * - LOG_LEVEL                 the server's log level (default error: failed mails are expected)
 *
 * Targets: the import reaches at least 50 % of the bare fetch + parse rate; APPEND to inboundMail
 * p99 under 1 s while the watcher is idle. Missing a target is reported, not failed: the exit code
 * is 0 unless the run itself breaks.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ImapFlow } from 'imapflow';
import pg from 'pg';
import { benchDatabase, cleanupStack, graphql, positiveInt, signInDemoAdmin, startProfile, startTresen } from './lib/harness.mjs';
import { createMailGenerator, loadCorpus } from './lib/mail-gen.mjs';
import { seededRandom } from './lib/scale-data.mjs';

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 1000;
/**
 * Pause before each latency message, after the previous one has arrived: uniform in this range, from
 * a seeded generator. Longer than the watcher's 300 ms auto-IDLE delay, so it is back in IDLE.
 */
const GAP_MS = [500, 1500];
/** How long to wait for a latency message's event before going on without it. */
const LATENCY_WAIT_MS = 5_000;
/** The import has stalled when no message was imported for this long. */
const STALL_MS = 120_000;
const MAILBOX_ADDRESS = 'support@bench.tresen.example';
const SEED = 20261124;
/** Messages the bare client fetches and parses once before it is timed. */
const WARMUP_MESSAGES = 200;

const count = positiveInt('BENCH_MAIL_COUNT', 10_000);
const latencyCount = positiveInt('BENCH_MAIL_LATENCY_COUNT', 200);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusSetting = process.env.BENCH_MAIL_CORPUS?.trim() || path.resolve(repoRoot, '../shared/mail-corpus');
const database = benchDatabase();

process.env.NODE_ENV ??= 'production';
const { DEFAULT_MAIL_LIMITS, MailParseError, parseMail } = await import('../server/dist/modules/mail/parsing/parse-mail.js');
// The tests' Dovecot harness (own config, directory and port on loopback); Node 24 runs it by stripping its types.
const { startDovecot } = await import('../test/helpers/dovecot.ts').catch((error) => {
  throw new Error(`Loading test/helpers/dovecot.ts needs Node 24 (node_modules/.bin/node; this is ${process.version}): ${error.message}`);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;
const verdict = (pass) => (pass ? 'PASS' : 'MISS');

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** CPU time of this process (server, bench and client worker) over a span, as a share of one core. */
function cpuMeter() {
  const cpu = process.cpuUsage();
  const started = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000 / (performance.now() - started);
  };
}

/** IMAP sessions of this thread that are open, so that Ctrl-C can close them before Dovecot stops. */
const imapSessions = new Set();

async function imapSession(dovecot, account) {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, doSTARTTLS: false, auth: account, logger: false });
  imapSessions.add(client);
  client.on('close', () => imapSessions.delete(client));
  await client.connect();
  return client;
}

/** Appends the bulk messages over one connection, in order (replies after what they answer). */
async function appendAll(dovecot, account, generator) {
  const client = await imapSession(dovecot, account);
  const sizes = [];
  const kinds = new Map();
  let replies = 0;
  try {
    for (let i = 0; i < count; i++) {
      const message = generator.next();
      sizes.push(message.raw.length);
      kinds.set(message.kind, (kinds.get(message.kind) ?? 0) + 1);
      if (message.reply) replies++;
      await client.append('INBOX', message.raw);
    }
    const status = await client.status('INBOX', { messages: true });
    if (status.messages !== count) throw new Error(`INBOX holds ${status.messages} messages after appending ${count}.`);
  } finally {
    await client.logout().catch(() => client.close());
  }
  return { sizes: Float64Array.from(sizes).sort(), kinds, replies };
}

/** The baseline: one ImapFlow connection fetching every message (source) and parsing it with parseMail; no database. */
async function bareFetchAndParse(dovecot, account) {
  const client = await imapSession(dovecot, account);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    // Warm-up, untimed: the import that follows runs with a warm parser too.
    for await (const message of client.fetch(`1:${Math.min(WARMUP_MESSAGES, count)}`, { source: true })) {
      await parseMail(message.source, DEFAULT_MAIL_LIMITS).catch((error) => {
        if (!(error instanceof MailParseError)) throw error;
      });
    }
    const cpu = cpuMeter();
    const started = performance.now();
    let messages = 0;
    let unreadable = 0;
    let parseMs = 0;
    for await (const message of client.fetch('1:*', { uid: true, source: true, internalDate: true })) {
      const parseStarted = performance.now();
      try {
        await parseMail(message.source, DEFAULT_MAIL_LIMITS);
      } catch (error) {
        if (!(error instanceof MailParseError)) throw error;
        unreadable++;
      }
      parseMs += performance.now() - parseStarted;
      messages++;
    }
    const ms = performance.now() - started;
    if (messages !== count) throw new Error(`The bare client fetched ${messages} messages, expected ${count}.`);
    return { ms, parseMs, unreadable, cpu: cpu(), perSecond: messages / (ms / 1000) };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** The client worker (subscribed console + appender); `request` sends a message and waits for the answer of that type. */
function startClientWorker(workerData) {
  const worker = new Worker(new URL('./lib/mail-client-worker.mjs', import.meta.url), { workerData });
  const waiters = new Map();
  let failure = null;
  const rejectAll = (error) => {
    failure = error;
    for (const { reject } of waiters.values()) reject(error);
    waiters.clear();
  };
  worker.on('message', (message) => {
    if (message.type === 'error') return rejectAll(new Error(`client worker: ${message.message}`));
    waiters.get(message.type)?.resolve(message);
    waiters.delete(message.type);
  });
  worker.on('error', rejectAll);
  worker.on('exit', (code) => rejectAll(new Error(`The client worker exited (code ${code}).`)));
  const waitFor = (type) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      waiters.set(type, { resolve, reject });
    });
  return {
    ready: waitFor('ready'),
    request: (message) => {
      const answer = waitFor(message.type);
      worker.postMessage(message);
      return answer;
    },
    stop: async () => {
      worker.postMessage({ type: 'stop' });
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      if ((await Promise.race([exited, sleep(5_000).then(() => 'timeout')])) === 'timeout') await worker.terminate();
    },
  };
}

/**
 * Polls the mailbox's import position until the last bulk message is in (UIDs are 1..count, imported
 * in order; reading one row keeps the poll off the tables the import writes), then checks that every
 * message has its inbound_mails row. Prints progress every 15 s.
 */
async function waitForImport(db, mailboxId, started) {
  let firstAt = null;
  let lastCount = 0;
  let lastProgress = performance.now();
  let lastPrint = performance.now();
  for (;;) {
    const { rows } = await db.query('select last_uid::int as n from mailbox_states where mailbox_id = $1', [mailboxId]);
    const n = rows[0]?.n ?? 0;
    const now = performance.now();
    if (n > 0 && firstAt === null) firstAt = now;
    if (n !== lastCount) {
      lastCount = n;
      lastProgress = now;
    }
    if (n >= count) {
      const { rows: counted } = await db.query('select count(*)::int as n from inbound_mails where mailbox_id = $1', [mailboxId]);
      if (counted[0].n !== count) throw new Error(`The import reached UID ${n} with ${counted[0].n} inbound_mails rows, expected ${count}.`);
      return { doneAt: now, firstAt };
    }
    if (now - lastProgress > STALL_MS) throw new Error(`The import stalled at ${n} of ${count} messages (nothing new for ${STALL_MS / 1000} s).`);
    if (now - lastPrint > 15_000) {
      lastPrint = now;
      console.log(`  ... ${fmt(n)} of ${fmt(count)} after ${fmt((now - started) / 1000, 0)} s (${fmt(n / ((now - started) / 1000), 1)} msg/s)`);
    }
    await sleep(100);
  }
}

/** Waits until the watcher is in IDLE with every server-side action (\Seen) done. */
async function waitForIdleWatcher(db, mailboxId) {
  const until = performance.now() + 60_000;
  for (;;) {
    const { rows } = await db.query(
      `select s.connection, (select count(*)::int from inbound_mails i where i.mailbox_id = $1 and not i.server_done) as pending
         from mailbox_states s where s.mailbox_id = $1`,
      [mailboxId],
    );
    if (rows[0]?.connection === 'idle' && rows[0].pending === 0) return;
    if (performance.now() > until) throw new Error(`The watcher did not become idle within 60 s: ${JSON.stringify(rows[0])}`);
    await sleep(100);
  }
}

const { cleanups, cleanUp } = cleanupStack();

// Bounded in time: a hung import must not hang the run. Generous: 10,000 messages at 10 msg/s fit.
const deadlineMs = 600_000 + count * 100 + latencyCount * (GAP_MS[1] + LATENCY_WAIT_MS);
setTimeout(() => {
  console.error(`The benchmark did not finish within ${Math.round(deadlineMs / 1000)} s; stopping.`);
  cleanUp().finally(() => process.exit(1));
}, deadlineMs).unref();
process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));

try {
  const loadBefore = os.loadavg()[0];
  const corpus = corpusSetting === 'none' ? [] : await loadCorpus(corpusSetting);
  const generator = createMailGenerator({ seed: SEED, to: MAILBOX_ADDRESS, corpus });

  const dovecot = await startDovecot();
  cleanups.push(() => dovecot.stop());
  cleanups.push(async () => {
    // An open session's imap process could still write into the mail folder while it is removed.
    const open = [...imapSessions];
    for (const client of open) client.close();
    if (open.length > 0) await sleep(500);
  });
  const account = await dovecot.createUser();
  const auth = { user: account.user, pass: account.password };
  const dovecotVersion = (await promisify(execFile)('/usr/sbin/dovecot', ['--version'])).stdout.trim().split(' ')[0];

  let started = performance.now();
  const appended = await appendAll(dovecot, auth, generator);
  const appendSeconds = (performance.now() - started) / 1000;
  const totalBytes = appended.sizes.reduce((sum, size) => sum + size, 0);
  const kind = (name) => fmt(appended.kinds.get(name) ?? 0);

  console.log(
    `mail-import: ${fmt(count)} messages, ${fmt(totalBytes / 1e6, 1)} MB (median ${kb(percentile(appended.sizes, 0.5))}, p90 ${kb(percentile(appended.sizes, 0.9))}, max ${kb(percentile(appended.sizes, 1))})`,
  );
  console.log(
    `  ${kind('plain')} plain, ${kind('html')} with HTML, ${kind('attachment')} with an attachment, ${kind('inline-image')} with an inline image, ${kind('auto-reply')} auto-replies, ${kind('real-world')} real-world; ${fmt(appended.replies)} of them replies`,
  );
  console.log(
    corpus.length > 0
      ? `  real-world messages: ${corpus.length} from ${corpusSetting}, one in 100`
      : `  real-world messages: none (${corpusSetting === 'none' ? 'BENCH_MAIL_CORPUS=none' : `${corpusSetting} not found`})`,
  );
  console.log(`  appended to Dovecot ${dovecotVersion} on loopback in ${fmt(appendSeconds, 1)} s, one connection`);

  // Bare rate, before the server exists: nothing else runs.
  const bare = await bareFetchAndParse(dovecot, auth);

  await database.create();
  cleanups.push(database.drop);
  // Tresen as main.ts starts it (production, in-process event bus), with its mail worker at the default timing.
  const full = await startTresen(database.url, { LOG_LEVEL: process.env.LOG_LEVEL?.trim() || 'error', TRESEN_MAIL_WORKER: 'true' });
  cleanups.push(full.close);
  const wsUrl = `ws://127.0.0.1:${full.port}/graphql`;
  const origin = `http://127.0.0.1:${full.port}`;
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  cleanups.push(() => db.end());
  const postgresVersion = (await db.query('show server_version')).rows[0].server_version.split(' ')[0];

  const cookie = await signInDemoAdmin(full.url);
  const support = (await graphql(full.url, '{ departments { id name } }', {}, cookie)).data.departments.find((d) => d.name === 'Support');
  if (!support) throw new Error('The demo data has no department Support.');

  const clients = startClientWorker({ wsUrl, cookie, origin, imap: { host: dovecot.host, port: dovecot.port, ...auth } });
  cleanups.push(clients.stop);
  await clients.ready;

  const commit = await promisify(execFile)('git', ['-C', repoRoot, 'describe', '--always', '--dirty']).then(
    (result) => result.stdout.trim(),
    () => 'unknown',
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, PostgreSQL ${postgresVersion}; Tresen ${commit} as main.ts starts it (production, in-process event bus) with an agent console subscribed to inboundMail`,
  );
  console.log('');

  // The import: from creating the mailbox (enabled) until every message has its inbound_mails row.
  const cpu = cpuMeter();
  // BENCH_PROFILE=<file>: a CPU profile of the main thread during the import.
  const profile = process.env.BENCH_PROFILE ? await startProfile() : null;
  started = performance.now();
  const { data } = await graphql(
    full.url,
    'mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id } }',
    {
      i: { address: MAILBOX_ADDRESS, departmentId: support.id, host: dovecot.host, port: dovecot.port, security: 'NONE', user: auth.user, password: auth.pass },
    },
    cookie,
  );
  const mailboxId = data.mailboxCreate.id;
  const { doneAt, firstAt } = await waitForImport(db, mailboxId, started);
  const importCpu = cpu();
  if (profile) await profile.stop(process.env.BENCH_PROFILE);
  const loadAfterImport = os.loadavg()[0];
  const importMs = doneAt - started;
  const importRate = count / (importMs / 1000);
  const outcomes = new Map(
    (await db.query('select status, count(*)::int as n from inbound_mails where mailbox_id = $1 group by status', [mailboxId])).rows.map((r) => [
      r.status,
      r.n,
    ]),
  );
  const imported = outcomes.get('imported') ?? 0;
  const { rows: ticketRows } = await db.query(
    `select count(distinct ticket_id)::int as tickets from inbound_mails where mailbox_id = $1 and status = 'imported'`,
    [mailboxId],
  );

  // Every event of the bulk must have reached the console before the latency is measured.
  const eventsUntil = performance.now() + 120_000;
  let events;
  while ((events = await clients.request({ type: 'count' })).events < imported && performance.now() < eventsUntil) await sleep(100);
  const eventsDoneMs = performance.now() - started;
  await waitForIdleWatcher(db, mailboxId);
  await sleep(1_000);

  // The latency: one message at a time into the idle mailbox, new mail from the same generator.
  const gapRandom = seededRandom(SEED + 1);
  const latencyMessages = Array.from({ length: latencyCount }, () => {
    const { raw, messageId } = generator.next({ generatedOnly: true });
    return { raw, messageId };
  });
  const gapsMs = latencyMessages.map(() => GAP_MS[0] + (gapRandom() % (GAP_MS[1] - GAP_MS[0] + 1)));
  const { results } = await clients.request({ type: 'latency', messages: latencyMessages, gapsMs, waitMs: LATENCY_WAIT_MS });
  // A lost event counts as infinitely late.
  const latencies = Float64Array.from(results.map((r) => (r.event === null ? Infinity : r.event - r.appendDone))).sort();
  const appendMs = Float64Array.from(results.map((r) => r.appendDone - r.appendStart)).sort();
  const existsMs = Float64Array.from(results.filter((r) => r.exists !== null).map((r) => r.exists - r.appendDone)).sort();
  const ownMs = Float64Array.from(results.filter((r) => r.exists !== null && r.event !== null).map((r) => r.event - r.exists)).sort();
  const missing = results.filter((r) => r.event === null).length;

  // Report.
  const ratio = importRate / bare.perSecond;
  const rows = [
    [
      'bare ImapFlow fetch + parseMail',
      fmt(count),
      fmt(bare.ms / 1000, 1),
      fmt(bare.perSecond, 1),
      `${fmt(bare.cpu * 100)} %`,
      `parse ${fmt(bare.parseMs / 1000, 1)} s, fetch ${fmt((bare.ms - bare.parseMs) / 1000, 1)} s; ${bare.unreadable} unreadable`,
    ],
    [
      'Tresen import',
      fmt(count),
      fmt(importMs / 1000, 1),
      fmt(importRate, 1),
      `${fmt(importCpu * 100)} %`,
      `first row after ${fmt((firstAt - started) / 1000, 2)} s; ${[...outcomes].map(([status, n]) => `${fmt(n)} ${status}`).join(', ')}; ${fmt(ticketRows[0].tickets)} tickets`,
    ],
  ];
  const header = ['', 'messages', 'seconds', 'msg/s', 'CPU (bench process)', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log(
    `inboundMail events at the console: ${fmt(events.events)} of ${fmt(imported)} imported${events.errors ? `, ${events.errors} errors` : ''}, the last ${fmt((eventsDoneMs - importMs) / 1000, 1)} s after the import`,
  );
  console.log(
    `APPEND -> inboundMail, ${fmt(latencyCount)} messages one at a time (each ${GAP_MS[0]}-${GAP_MS[1]} ms after the previous one arrived), watcher in IDLE: p50 ${fmt(percentile(latencies, 0.5))} ms, p90 ${fmt(percentile(latencies, 0.9))} ms, p99 ${fmt(percentile(latencies, 0.99))} ms, max ${fmt(percentile(latencies, 1))} ms${missing ? `; ${missing} never arrived (counted as infinitely late)` : ''}`,
  );
  console.log(
    `  the IMAP server's share: a bare client idling on the folder got EXISTS after p50 ${fmt(percentile(existsMs, 0.5))} ms, p99 ${fmt(percentile(existsMs, 0.99))} ms (${fmt(existsMs.length)} of ${fmt(latencyCount)})`,
  );
  console.log(`  Tresen's share (event minus that EXISTS, per message): p50 ${fmt(percentile(ownMs, 0.5))} ms, p99 ${fmt(percentile(ownMs, 0.99))} ms`);
  console.log(`  the APPEND itself took p50 ${fmt(percentile(appendMs, 0.5), 1)} ms, p99 ${fmt(percentile(appendMs, 0.99), 1)} ms`);
  console.log(
    `  load average (1 min) before the run ${loadBefore.toFixed(2)}, after the import ${loadAfterImport.toFixed(2)}, now ${os.loadavg()[0].toFixed(2)}`,
  );

  const p99 = percentile(latencies, 0.99);
  console.log('');
  console.log('targets:');
  console.log(
    `  import rate >= ${TARGET_RATIO * 100} % of the bare rate: ${fmt(importRate, 1)} / ${fmt(bare.perSecond, 1)} msg/s = ${fmt(ratio * 100, 1)} %  ${verdict(ratio >= TARGET_RATIO)}`,
  );
  console.log(
    `  APPEND -> inboundMail p99 < ${fmt(TARGET_P99_MS)} ms while idle: ${Number.isFinite(p99) ? `${fmt(p99)} ms` : 'events lost'}  ${verdict(p99 < TARGET_P99_MS)}`,
  );
} finally {
  await cleanUp();
}
