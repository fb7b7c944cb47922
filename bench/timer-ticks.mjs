/**
 * Benchmark: what live timer ticks cost the server. 1,000 running timers, each on its own ticket
 * and each watched by one console (`timerTick(ticketId)` over graphql-ws), for BENCH_SECONDS.
 * The server runs in this process; the consoles run in a child process, so the CPU time measured
 * here (process.cpuUsage) is the server's alone. For comparison the same 1,000 subscriptions are
 * measured with no timer running (the idle cost of holding them).
 *
 * Run with `npm run bench:timer-ticks`. Settings, all optional:
 * - BENCH_DATABASE_URL  PostgreSQL to create the throw-away database on (default postgres://postgres@127.0.0.1:5432/postgres)
 * - BENCH_TIMERS        running timers, one watcher each (default 1000; the target is defined at 1000)
 * - BENCH_SECONDS       measured seconds per phase (default 20)
 *
 * Target: under 5 % of one core with 1,000 timers ticking. Reported, not failed: the exit code is 0
 * unless the run itself breaks.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const TARGET_PERCENT = 5;

function positiveInt(name, fallback) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  return value;
}

const timers = positiveInt('BENCH_TIMERS', 1000);
const seconds = positiveInt('BENCH_SECONDS', 20);
const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `tresen_bench_${process.pid}`;
const dbUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();

process.env.NODE_ENV ??= 'production';
await import('reflect-metadata');
const { loadConfig } = await import('../server/dist/config.js');
const { createLogger } = await import('../server/dist/infra/logger.js');
const { initORM } = await import('../server/dist/infra/orm.js');
const { createRealtimeBus } = await import('../server/dist/realtime/pubsub.js');
const { createApp } = await import('../server/dist/app.js');
const { bootstrapFirstStart } = await import('../server/dist/modules/tenants/bootstrap.service.js');
const { SESSION_COOKIE } = await import('../server/dist/http/cookies.js');

async function admin(fn) {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** BENCH_PROFILE=<file>: a CPU profile of the ticking phase only, for finding where the time goes. */
async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (file) => {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

let cleanup = async () => {};
const dropDatabase = () => admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
process.once('SIGINT', () => {
  void cleanup()
    .then(dropDatabase)
    .finally(() => process.exit(130));
});

await admin((c) => c.query(`create database ${dbName}`));
try {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    PORT: '0',
    TRESEN_SECRET: 'x'.repeat(40),
    LOG_LEVEL: 'warn',
    TRESEN_SERVE_CLIENT: 'false',
    TRESEN_MAIL_WORKER: 'false',
  });
  const logger = createLogger(config);
  const orm = await initORM(dbUrl, logger);
  await bootstrapFirstStart(orm.em.fork(), undefined);
  const bus = createRealtimeBus(undefined, logger);
  const app = await createApp({ config, orm, bus, logger });
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}/graphql`;
  cleanup = async () => {
    await app.close();
    await bus.close();
    await orm.close();
  };

  const login = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "admin@demo.tresen.local", password: "tresen-demo-admin") { id } }' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((h) => h.split(';')[0])
    .find((p) => p.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('sign-in failed');

  // Data: one ticket and one agent per timer, written directly (the bench measures ticks, not creation).
  const db = new pg.Pool({ connectionString: dbUrl, max: 4 });
  const [{ tenant_id: tenantId, department_id: departmentId, status_id: statusId }] = (
    await db.query(`select t.tenant_id, t.department_id, t.status_id from tickets t order by t.number limit 1`)
  ).rows;
  const ticketIds = [];
  const userIds = [];
  await db.query('begin');
  const [{ n: firstNumber }] = (await db.query('select coalesce(max(number), 0) + 1 as n from tickets where tenant_id = $1', [tenantId])).rows;
  for (let i = 0; i < timers; i++) {
    const ticketId = randomUUID();
    const userId = randomUUID();
    ticketIds.push(ticketId);
    userIds.push(userId);
    await db.query(
      `insert into users (id, tenant_id, kind, email, name, active, sessions_valid_from, created_at, updated_at) values ($1, $2, 'agent', $3, $4, true, now(), now(), now())`,
      [userId, tenantId, `bench-${i}@bench.example`, `Bench Agent ${i}`],
    );
    await db.query(
      `insert into tickets (id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, created_at, updated_at, last_activity_at, time_tracking_allowed)
       values ($1, $2, $3, $4, $5, 'open', 1, $6, 'phone', now(), now(), now(), true)`,
      [ticketId, tenantId, Number(firstNumber) + i, `Bench ticket ${i}`, statusId, departmentId],
    );
  }
  await db.query('update tenant_counters set last_ticket_number = $2 where tenant_id = $1', [tenantId, Number(firstNumber) + timers]);
  await db.query('commit');

  const clients = fork(new URL('./lib/tick-clients.mjs', import.meta.url), [url.replace(/^http/, 'ws'), `http://127.0.0.1:${port}`, cookie], {
    stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
  });
  const fromClients = (key) =>
    new Promise((resolve) =>
      clients.on('message', function on(m) {
        if (key in m) {
          clients.off('message', on);
          resolve(m[key]);
        }
      }),
    );
  const ready = fromClients('ready');
  clients.stdin.end(JSON.stringify(ticketIds));
  console.log(`${timers} consoles connecting…`);
  await ready;
  // Let the subscriptions' set-up work finish before measuring.
  await new Promise((resolve) => setTimeout(resolve, 3000));

  /** CPU time of this process over `seconds`, as a percentage of one core. */
  async function cpuPercent() {
    const before = process.cpuUsage();
    const start = process.hrtime.bigint();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const used = process.cpuUsage(before);
    const wallUs = Number(process.hrtime.bigint() - start) / 1000;
    return { total: ((used.user + used.system) / wallUs) * 100, user: (used.user / wallUs) * 100, system: (used.system / wallUs) * 100 };
  }

  console.log(`measuring ${seconds} s with ${timers} subscriptions and no timer running…`);
  const idle = await cpuPercent();

  // Start every timer as the API does it (the row with the start time, then the event).
  const startedAt = new Date();
  for (let i = 0; i < timers; i++) {
    await db.query('insert into timers (tenant_id, user_id, ticket_id, started_at) values ($1, $2, $3, $4)', [tenantId, userIds[i], ticketIds[i], startedAt]);
    await bus.pubSub.publish('timerChanged', tenantId, { ticketId: ticketIds[i], userId: userIds[i], running: true });
  }
  // Wait until every console saw its timer start, then a few seconds more for the start burst
  // (every start event reaches every subscriber of the tenant) to settle.
  for (let waited = 0; ; waited += 500) {
    clients.send('count');
    const { started } = await fromClients('counts');
    if (started >= timers || waited > 60_000) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 5000));
  clients.send('count');
  const before = await fromClients('counts');
  console.log(`measuring ${seconds} s with ${timers} timers ticking…`);
  const profile = process.env.BENCH_PROFILE ? await startProfile() : null;
  const ticking = await cpuPercent();
  if (profile) await profile.stop(process.env.BENCH_PROFILE);
  clients.send('count');
  const after = await fromClients('counts');
  const ticks = after.ticks - before.ticks;

  clients.send('stop');
  await new Promise((resolve) => clients.once('exit', resolve));
  await db.end();

  const verdict = ticking.total < TARGET_PERCENT ? 'PASS' : 'MISS';
  const split = (cpu) => `(user ${cpu.user.toFixed(2)} %, system ${cpu.system.toFixed(2)} %)`;
  console.log('');
  console.log(`timer ticks: ${timers} running timers, each watched by one console, ${seconds} s per phase`);
  console.log(
    `  ticks delivered while measuring   ${ticks} (${(ticks / seconds).toFixed(0)}/s, expected about ${timers}/s); STARTED seen ${after.started}; errors ${after.errors}`,
  );
  console.log(`  server CPU, subscriptions idle    ${idle.total.toFixed(2)} % of one core ${split(idle)}`);
  console.log(`  server CPU, timers ticking        ${ticking.total.toFixed(2)} % of one core ${split(ticking)}   target < ${TARGET_PERCENT} %   ${verdict}`);
  if (after.started < timers || after.errors > 0 || ticks < timers * seconds * 0.9) {
    console.log('  note: fewer ticks or starts than expected; the figure above does not cover the full load.');
  }
  await cleanup();
} finally {
  await dropDatabase();
}
