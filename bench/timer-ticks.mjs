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
 * - BENCH_SECONDS       measured seconds per phase (default 60: one full minute of the access re-checks)
 *
 * Target: under 5 % of one core with 1,000 timers ticking. Reported, not failed: the exit code is 0
 * unless the run itself breaks.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchDatabase, positiveInt, signInDemoAdmin, startProfile, startTresen } from './lib/harness.mjs';

const TARGET_PERCENT = 5;
const timers = positiveInt('BENCH_TIMERS', 1000);
const seconds = positiveInt('BENCH_SECONDS', 60);
const database = benchDatabase();
process.env.NODE_ENV ??= 'production';

let cleanup = async () => {};
process.once('SIGINT', () => {
  void cleanup()
    .then(database.drop)
    .finally(() => process.exit(130));
});

await database.create();
try {
  const tresen = await startTresen(database.url, { TRESEN_MAIL_WORKER: 'false' });
  const { bus, port, url } = tresen;
  cleanup = tresen.close;
  const cookie = await signInDemoAdmin(url);

  // Data: one ticket and one agent per timer, written directly (the bench measures ticks, not creation).
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  const [{ tenant_id: tenantId, department_id: departmentId, status_id: statusId }] = (
    await db.query(`select t.tenant_id, t.department_id, t.status_id from tickets t order by t.number limit 1`)
  ).rows;
  const ticketIds = [];
  const userIds = [];
  const tx = await db.connect();
  await tx.query('begin');
  const [{ n: firstNumber }] = (await tx.query('select coalesce(max(number), 0) + 1 as n from tickets where tenant_id = $1', [tenantId])).rows;
  for (let i = 0; i < timers; i++) {
    const ticketId = randomUUID();
    const userId = randomUUID();
    ticketIds.push(ticketId);
    userIds.push(userId);
    await tx.query(
      `insert into users (id, tenant_id, kind, email, name, active, sessions_valid_from, created_at, updated_at) values ($1, $2, 'agent', $3, $4, true, now(), now(), now())`,
      [userId, tenantId, `bench-${i}@bench.example`, `Bench Agent ${i}`],
    );
    await tx.query(
      `insert into tickets (id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, created_at, updated_at, last_activity_at, time_tracking_allowed)
       values ($1, $2, $3, $4, $5, 'open', 1, $6, 'phone', now(), now(), now(), true)`,
      [ticketId, tenantId, Number(firstNumber) + i, `Bench ticket ${i}`, statusId, departmentId],
    );
  }
  await tx.query('update tenant_counters set last_ticket_number = $2 where tenant_id = $1', [tenantId, Number(firstNumber) + timers]);
  await tx.query('commit');
  tx.release();

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

  /**
   * CPU time of this process over `seconds`, as a percentage of one core; also second by second
   * (median and highest), which shows whether a figure is steady or a few bursts (GC, other work).
   */
  async function cpuPercent() {
    const before = process.cpuUsage();
    const start = process.hrtime.bigint();
    const perSecond = [];
    for (let s = 0; s < seconds; s++) {
      const from = process.cpuUsage();
      const t = process.hrtime.bigint();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const used = process.cpuUsage(from);
      perSecond.push(((used.user + used.system) / (Number(process.hrtime.bigint() - t) / 1000)) * 100);
    }
    const used = process.cpuUsage(before);
    const wallUs = Number(process.hrtime.bigint() - start) / 1000;
    perSecond.sort((a, b) => a - b);
    return {
      total: ((used.user + used.system) / wallUs) * 100,
      user: (used.user / wallUs) * 100,
      system: (used.system / wallUs) * 100,
      median: perSecond[Math.floor(perSecond.length / 2)],
      max: perSecond.at(-1),
    };
  }

  console.log(`measuring ${seconds} s with ${timers} subscriptions and no timer running…`);
  const idle = await cpuPercent();

  // Start every timer as the API does it (the row with the start time, then the event).
  const startedAt = new Date();
  for (let i = 0; i < timers; i++) {
    await db.query('insert into timers (tenant_id, user_id, ticket_id, started_at) values ($1, $2, $3, $4)', [tenantId, userIds[i], ticketIds[i], startedAt]);
    await bus.pubSub.publish('timerChanged', `${tenantId}:${ticketIds[i]}`, { ticketId: ticketIds[i], userId: userIds[i], running: true });
  }
  // Wait until every console saw its timer start, then a few seconds more to settle.
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
  const split = (cpu) =>
    `(user ${cpu.user.toFixed(2)} %, system ${cpu.system.toFixed(2)} %; per second median ${cpu.median.toFixed(1)} %, max ${cpu.max.toFixed(1)} %)`;
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
  await database.drop();
}
