/**
 * Benchmark: the ticket inbox and the ticket search at scale (1,000,000 tickets, 5,000,000 messages),
 * through the full Tresen stack: POST /graphql with a session cookie, as an admin and as an agent.
 *
 * Needs the data set of `npm run bench:seed` (kept in its own database). Run with
 * `npm run bench:tickets` (builds the server first). Settings, all optional:
 * - BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 * - BENCH_DB            the seeded database (default tresen_bench_scale)
 * - BENCH_SECONDS       measured seconds per scenario (default 10), after 2 s of warm-up each
 * - BENCH_CONCURRENCY   requests in flight (default 4; the targets are defined at 4)
 * - BENCH_SCENARIOS     which scenarios to run, e.g. "a,b" (default a,b,c)
 *
 * Targets at concurrency 4: inbox lists p99 < 50 ms, search p99 < 150 ms. Missing a target is
 * reported, not failed: the exit code is 0 unless the run itself breaks.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { cleanupStack, startProfile } from './lib/harness.mjs';
import {
  ADMIN_EMAIL,
  DB_PREFIX,
  DEFAULT_BASE_URL,
  DEFAULT_DB,
  PASSWORD,
  SECRET_WORD,
  SEARCH_WORDS,
  SEED_MARK,
  agentEmail,
  migrationsHash,
} from './lib/scale-data.mjs';

const TARGET_CONCURRENCY = 4;
const TARGET_LIST_P99_MS = 50;
const TARGET_SEARCH_P99_MS = 150;
const WARMUP_MS = 2_000;
/** Generous: a slow search is a figure to report, not a failure to hide. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Budget for the unmeasured first run of every request and the leak check. */
const PREPARE_MS = 600_000;
const PAGE = 25;
/** The department the inbox scenarios open: the biggest one, which every seeded agent 1 can see. */
const DEPARTMENT = 'Support';
/** The open statuses scenario (b) narrows to. */
const STATUS_KEYS = ['open', 'customer_replied'];

const LIST_QUERY = `query ($d: ID!) {
  tickets(filter: { departmentIds: [$d], statusCategories: [OPEN] }, orderBy: { field: LAST_ACTIVITY, direction: DESC }, first: ${PAGE}) {
    totalCount edges { node { id number subject priority lastActivityAt status { key } handler { name } } }
  }
}`;
const FILTERED_QUERY = `query ($d: ID!, $s: [ID!]!, $h: [ID!]!) {
  tickets(filter: { departmentIds: [$d], statusCategories: [OPEN], statusIds: $s, handlerIds: $h }, orderBy: { field: LAST_ACTIVITY, direction: DESC }, first: ${PAGE}) {
    totalCount edges { node { id number subject priority lastActivityAt status { key } handler { name } } }
  }
}`;
const SEARCH_QUERY = `query ($q: String!) {
  tickets(filter: { search: $q }, first: ${PAGE}) { totalCount edges { node { id number subject } snippet } }
}`;

function positiveInt(name, fallback) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  return value;
}

const seconds = positiveInt('BENCH_SECONDS', 10);
const concurrency = positiveInt('BENCH_CONCURRENCY', TARGET_CONCURRENCY);
const selected = (process.env.BENCH_SCENARIOS?.trim() || 'a,b,c').split(/[\s,]+/).filter(Boolean);
if (selected.length === 0 || selected.some((x) => !['a', 'b', 'c'].includes(x)))
  throw new Error(`BENCH_SCENARIOS lists a, b and/or c (got "${process.env.BENCH_SCENARIOS}").`);
const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BASE_URL;
const dbName = process.env.BENCH_DB?.trim() || DEFAULT_DB;
if (!dbName.startsWith(DB_PREFIX)) throw new Error(`BENCH_DB must start with ${DB_PREFIX} (got "${dbName}").`);
const dbUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();

// The data set must be there and complete; say how to make it otherwise.
const mark = await (async () => {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query('select shobj_description(oid, $2) as comment from pg_database where datname = $1', [dbName, 'pg_database']);
    if (rows.length === 0) return null;
    try {
      return JSON.parse(rows[0].comment ?? 'null') ?? {};
    } catch {
      return {};
    }
  } finally {
    await client.end();
  }
})();
if (!mark?.complete || mark.seed !== SEED_MARK.seed) {
  console.error(
    mark
      ? `Database ${dbName} holds no complete seed (interrupted?). Run \`npm run bench:seed -- --fresh\` first.`
      : `Database ${dbName} does not exist. Run \`npm run bench:seed\` first (about 10 minutes; the database is kept for later runs).`,
  );
  process.exit(1);
}
const schemaNote =
  mark.migrations === (await migrationsHash())
    ? ''
    : ' (the migrations changed since the seed: pending ones are applied at start; reseed with --fresh if an existing one was edited)';

process.env.NODE_ENV ??= 'production';
await import('reflect-metadata');
const { loadConfig } = await import('../server/dist/config.js');
const { createLogger } = await import('../server/dist/infra/logger.js');
const { initORM } = await import('../server/dist/infra/orm.js');
const { createRealtimeBus } = await import('../server/dist/realtime/pubsub.js');
const { createApp } = await import('../server/dist/app.js');
const { bootstrapFirstStart } = await import('../server/dist/modules/tenants/bootstrap.service.js');
const { SESSION_COOKIE } = await import('../server/dist/http/cookies.js');

/** Tresen as main.ts starts it (production config, in-process event bus) on the seeded database. */
async function startFullStack() {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    PORT: '0',
    TRESEN_SECRET: 'x'.repeat(40),
    LOG_LEVEL: process.env.LOG_LEVEL?.trim() || 'warn',
    TRESEN_SERVE_CLIENT: 'false',
  });
  const logger = createLogger(config);
  const orm = await initORM(dbUrl, logger);
  await bootstrapFirstStart(orm.em.fork(), undefined);
  const bus = createRealtimeBus(undefined, logger);
  const app = await createApp({ config, orm, bus, logger });
  const port = await app.listen();
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await app.close();
      await bus.close();
      await orm.close();
    },
  };
}

async function graphql(url, query, variables, cookie) {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS * 2),
  });
  return { body: await response.json(), response };
}

/** Data of a query that must succeed. */
async function data(url, query, variables, cookie) {
  const { body } = await graphql(url, query, variables, cookie);
  if (body.errors) throw new Error(`${query.slice(0, 80).replace(/\s+/g, ' ')}...: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Waits until no query of the server runs on the database any more (a request the load generator
 * gave up on keeps its query running), so one scenario's leftovers do not slow the next one down.
 */
async function waitIdle(limitMs = 60_000) {
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const started = performance.now();
    for (;;) {
      const { rows } = await client.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()",
      );
      if (rows[0].n === 0 || performance.now() - started > limitMs) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

async function signIn(url, email) {
  const { body, response } = await graphql(url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', { e: email, p: PASSWORD });
  if (body.errors) throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(body.errors)}`);
  const pair = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((p) => p.startsWith(`${SESSION_COOKIE}=`));
  if (!pair) throw new Error(`Sign-in returned no ${SESSION_COOKIE} cookie.`);
  return { cookie: pair, userId: body.data.login.id };
}

function measure(url, cookie, bodies) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/load-worker.mjs', import.meta.url), {
      workerData: {
        url,
        headers: { 'content-type': 'application/json', cookie },
        bodies,
        concurrency,
        warmupMs: WARMUP_MS,
        durationMs: seconds * 1000,
        timeoutMs: REQUEST_TIMEOUT_MS,
        check: { field: 'tickets', connection: true, maxEdges: PAGE },
      },
    });
    let result;
    worker.once('message', (message) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`The load worker exited with code ${code} without a result.`))));
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summarize({ completed, ok, failures, elapsedMs, latencies }) {
  const sorted = Float64Array.from(latencies).sort();
  return { requests: ok, errors: completed - ok, failures, perSecond: ok / (elapsedMs / 1000), p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** Latency percentiles per body (search word) of a rotation. */
function perBody(result, labels) {
  return labels.map((label, index) => {
    const values = [];
    for (let i = 0; i < result.latencies.length; i++) if (result.bodyIndexes[i] === index) values.push(result.latencies[i]);
    const sorted = Float64Array.from(values).sort();
    return { label, requests: values.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  });
}

function printTable(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => String(line[i]).length)));
  const format = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** Per search word, as the admin and the agent: hits, latency in the measured window, the first request. */
function printSearchWords(results, totals) {
  console.log('');
  console.log(
    'search words, as the admin and the agent: hits (totalCount), p50/p99 ms in the measured window (requests), ms of the first, unmeasured request:',
  );
  const searchRows = [];
  for (const [index, word] of SEARCH_WORDS.entries()) {
    const row = [word];
    for (const who of ['admin', 'agent']) {
      const { scenario, raw } = results.find((x) => x.scenario.who === who && x.scenario.kind === 'search');
      const stats = perBody(raw, SEARCH_WORDS)[index];
      const total = totals.get(`${who}:${scenario.name}:${index}`);
      row.push(
        total.totalCount.toLocaleString('en-US'),
        stats.requests ? `${stats.p50.toFixed(0)}/${stats.p99.toFixed(0)} (${stats.requests})` : '-',
        total.coldMs.toFixed(0),
      );
    }
    searchRows.push(row);
  }
  printTable(['word', 'admin hits', 'admin p50/p99 (n)', 'admin 1st', 'agent hits', 'agent p50/p99 (n)', 'agent 1st'], searchRows);
}

const { cleanups, cleanUp } = cleanupStack();

const SCENARIOS = 6;
const deadlineMs = PREPARE_MS + SCENARIOS * (WARMUP_MS + seconds * 1000 + REQUEST_TIMEOUT_MS + 60_000) + 120_000;
setTimeout(() => {
  console.error(`The benchmark did not finish within ${Math.round(deadlineMs / 1000)} s; stopping.`);
  cleanUp().finally(() => process.exit(1));
}, deadlineMs).unref();
process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));

try {
  const full = await startFullStack();
  cleanups.push(full.close);
  const admin = await signIn(full.url, ADMIN_EMAIL);
  const agent = await signIn(full.url, agentEmail(1));

  // What the scenarios need: the department, the open statuses, two handlers.
  const departmentsOf = async (viewer) => (await data(full.url, '{ departments { id name isPrivate } }', {}, viewer.cookie)).departments;
  const adminDepartments = await departmentsOf(admin);
  const agentDepartments = await departmentsOf(agent);
  const department = adminDepartments.find((d) => d.name === DEPARTMENT);
  if (!department || !agentDepartments.some((d) => d.id === department.id)) throw new Error(`Both viewers must see the department ${DEPARTMENT}.`);
  const statuses = (await data(full.url, '{ ticketStatuses { id key } }', {}, admin.cookie)).ticketStatuses;
  const statusIds = STATUS_KEYS.map((key) => statuses.find((s) => s.key === key)?.id);
  if (statusIds.includes(undefined)) throw new Error(`Missing a system status of ${STATUS_KEYS.join(', ')}.`);
  const handlers = (await data(full.url, '{ ticketHandlers { id name } }', {}, admin.cookie)).ticketHandlers;
  // The admin looks at two colleagues' tickets; the agent at their own ("my open tickets").
  const agentIds = [agent.userId, handlers.find((h) => h.id !== agent.userId && h.id !== admin.userId)?.id];

  const body = (query, variables) => JSON.stringify({ query, variables });
  const scenarios = [];
  for (const [who, viewer, handlerIds] of [
    ['admin', admin, agentIds],
    ['agent', agent, [agent.userId]],
  ]) {
    scenarios.push(
      { who, viewer, kind: 'list', name: `(a) ${DEPARTMENT}, open, by last activity`, bodies: [body(LIST_QUERY, { d: department.id })] },
      {
        who,
        viewer,
        kind: 'list',
        name: `(b) + ${STATUS_KEYS.length} statuses, ${handlerIds.length} handler(s)`,
        bodies: [body(FILTERED_QUERY, { d: department.id, s: statusIds, h: handlerIds })],
      },
      { who, viewer, kind: 'search', name: `(c) search, ${SEARCH_WORDS.length} words in rotation`, bodies: SEARCH_WORDS.map((q) => body(SEARCH_QUERY, { q })) },
    );
  }
  // Only the selected ones: "(a) ..." is scenario a.
  scenarios.splice(0, scenarios.length, ...scenarios.filter((x) => selected.includes(x.name.charAt(1))));

  // One run of each request before measuring: they must succeed, and the sizes go into the report.
  console.log(
    `tickets: ${dbName} (${Number(mark.tickets).toLocaleString('en-US')} tickets, ${Number(mark.messages).toLocaleString('en-US')} messages, seeded ${mark.completedAt})${schemaNote}`,
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, concurrency ${concurrency}, ${WARMUP_MS / 1000} s warm-up + ${seconds} s per scenario, full stack as main.ts starts it (production)`,
  );
  console.log('');
  const totals = new Map();
  for (const scenario of scenarios) {
    for (const [i, text] of scenario.bodies.entries()) {
      const { query, variables } = JSON.parse(text);
      const started = performance.now();
      const result = await data(full.url, query, variables, scenario.viewer.cookie);
      totals.set(`${scenario.who}:${scenario.name}:${i}`, { totalCount: result.tickets.totalCount, coldMs: performance.now() - started });
    }
  }

  // Leak check: the secret word lives in internal notes of every department. The agent must only
  // find tickets of departments they may see; nobody finds tickets of another agent's private department.
  const leakQuery = `query ($q: String!) { tickets(filter: { search: $q }, first: 50) { totalCount edges { node { id department { id } } } } }`;
  for (const [who, viewer, visible] of [
    ['admin', admin, adminDepartments],
    ['agent', agent, agentDepartments],
  ]) {
    const found = (await data(full.url, leakQuery, { q: SECRET_WORD }, viewer.cookie)).tickets;
    const outside = found.edges.filter((e) => !visible.some((d) => d.id === e.node.department.id));
    if (outside.length > 0) throw new Error(`LEAK: the ${who} found ${outside.length} tickets of departments they may not see (search "${SECRET_WORD}").`);
    console.log(
      `leak check (${who}): "${SECRET_WORD}" finds ${found.totalCount.toLocaleString('en-US')} tickets, all in the ${visible.length} departments they may see`,
    );
  }
  console.log('');

  // BENCH_PROFILE=<file>: a CPU profile of the server process over the measured scenarios.
  const profile = process.env.BENCH_PROFILE ? await startProfile() : null;
  const results = [];
  for (const scenario of scenarios) {
    const waited = await waitIdle();
    if (waited > 1_000) console.log(`  (waited ${(waited / 1000).toFixed(1)} s for the server's queries of the previous scenario to end)`);
    const raw = await measure(full.url, scenario.viewer.cookie, scenario.bodies);
    results.push({ scenario, raw, r: summarize(raw) });
  }
  const waited = await waitIdle();
  if (waited > 1_000) console.log(`  (waited ${(waited / 1000).toFixed(1)} s for the server's queries of the last scenario to end)`);
  if (profile) await profile.stop(process.env.BENCH_PROFILE);

  const verdict = (pass) => (pass ? 'PASS' : 'MISS');
  const targetOf = (kind) => (kind === 'list' ? TARGET_LIST_P99_MS : TARGET_SEARCH_P99_MS);
  printTable(
    ['viewer', 'scenario', 'totalCount', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'target p99', 'verdict', 'errors'],
    results.map(({ scenario, r }) => [
      scenario.who,
      scenario.name,
      scenario.bodies.length === 1 ? totals.get(`${scenario.who}:${scenario.name}:0`).totalCount.toLocaleString('en-US') : 'see below',
      r.requests,
      r.perSecond.toFixed(1),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      `< ${targetOf(scenario.kind)} ms`,
      verdict(r.p99 < targetOf(scenario.kind)),
      r.errors,
    ]),
  );
  for (const { scenario, r } of results)
    for (const [problem, count] of r.failures) console.log(`  ${scenario.who} ${scenario.name} failure x${count}: ${problem}`);

  if (selected.includes('c')) printSearchWords(results, totals);

  console.log('');
  console.log(`targets at concurrency ${TARGET_CONCURRENCY}: inbox lists (a), (b) p99 < ${TARGET_LIST_P99_MS} ms; search (c) p99 < ${TARGET_SEARCH_P99_MS} ms`);
  const misses = results.filter(({ scenario, r }) => !(r.p99 < targetOf(scenario.kind)));
  console.log(
    `  ${results.length - misses.length} of ${results.length} scenarios PASS${misses.length ? `, MISS: ${misses.map(({ scenario }) => `${scenario.who} ${scenario.name.slice(0, 3)}`).join(', ')}` : ''}`,
  );
  if (concurrency !== TARGET_CONCURRENCY) console.log(`  (this run used concurrency ${concurrency}, so the verdicts are indicative only)`);
  if (results.some(({ r }) => r.errors > 0)) console.log('  (failed responses are excluded from req/s but included in the latencies)');
} finally {
  await cleanUp();
}
