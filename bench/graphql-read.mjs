/**
 * Benchmark: an authenticated GraphQL read through the full Tresen stack (express + Apollo +
 * type-graphql + MikroORM) against a bare node:http + pg server doing the same database work.
 *
 * Run with `npm run bench:graphql-read` (builds the server first). Settings, all optional:
 * - BENCH_DATABASE_URL  PostgreSQL to create the throw-away database on
 *                       (default postgres://postgres@127.0.0.1:5432/postgres)
 * - BENCH_SECONDS       measured seconds per server (default 10), after 2 s of warm-up each
 * - BENCH_CONCURRENCY   requests in flight (default 16; the targets are defined at 16)
 *
 * Target: the full stack reaches at least 25 % of the bare server's throughput, with p99 under 50 ms.
 * Missing a target is reported, not failed: the exit code is 0 unless the run itself breaks.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { createServer } from 'node:http';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { cleanupStack } from './lib/harness.mjs';

const TARGET_RATIO = 0.25;
const TARGET_P99_MS = 50;
const TARGET_CONCURRENCY = 16;
const WARMUP_MS = 2_000;
const REQUEST_TIMEOUT_MS = 10_000;
const QUERY = '{ departments { id name isPublic isPrivate } }';
const LOGIN = 'mutation { login(email: "admin@demo.tresen.local", password: "tresen-demo-admin") { id } }';
/** The demo tenant's admin sees both shared departments and their own private one. */
const EXPECTED_DEPARTMENTS = 3;

/** A positive whole number from the environment, or the default; anything else stops the run with a hint. */
function positiveInt(name, fallback) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  return value;
}

const seconds = positiveInt('BENCH_SECONDS', 10);
const concurrency = positiveInt('BENCH_CONCURRENCY', TARGET_CONCURRENCY);
const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `tresen_bench_${process.pid}`;
const dbUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();

// Measure the server as it is deployed: libraries such as graphql-js and express read NODE_ENV when
// they load, so it is set before the server modules are imported (hence the dynamic imports).
process.env.NODE_ENV ??= 'production';
await import('reflect-metadata');
const { loadConfig } = await import('../server/dist/config.js');
const { createLogger } = await import('../server/dist/infra/logger.js');
const { initORM } = await import('../server/dist/infra/orm.js');
const { createRealtimeBus } = await import('../server/dist/realtime/pubsub.js');
const { createApp } = await import('../server/dist/app.js');
const { bootstrapFirstStart } = await import('../server/dist/modules/tenants/bootstrap.service.js');
const { SESSION_COOKIE, sessionTokenFrom } = await import('../server/dist/http/cookies.js');
const { hashSecret, tenantOfSessionToken } = await import('../server/dist/modules/auth/tokens.js');

/** Runs `fn` with a client on the base database (create and drop of the bench database). */
async function withAdminClient(fn) {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Tresen as main.ts starts it (production config, in-process event bus), on a free loopback port. */
async function startFullStack() {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    PORT: '0',
    TRESEN_SECRET: 'x'.repeat(40),
    LOG_LEVEL: 'warn',
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

// The same session check as AuthService.viewerFromSession.
const SESSION_SQL = `select u.id as user_id, u.kind from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
  where s.tenant_id = $1 and s.token_hash = $2 and s.expires_at > now() and u.active and s.created_at >= u.sessions_valid_from`;
// DepartmentService.list for an admin: shared departments plus their own private one, the private one
// first, then by name.
const DEPARTMENTS_SQL = `select id, name, is_public, owner_id from departments
  where tenant_id = $1 and (owner_id is null or owner_id = $2) order by owner_id is null, name`;

/**
 * The baseline: node:http and a pg pool of 10 (the ORM's pool size), doing per request what the full
 * stack must do at the least: read the JSON body, look up the session from the cookie, select the
 * departments, answer in the same JSON shape. It serves admins only, which is all this bench signs in.
 */
async function startBareServer() {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10 });
  const json = (res, status, value) => {
    const text = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const handle = async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    let request;
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return json(res, 400, { errors: [{ message: 'The body must be JSON.' }] });
    }
    if (req.method !== 'POST' || req.url !== '/graphql' || typeof request?.query !== 'string') {
      return json(res, 400, { errors: [{ message: 'POST {"query": ...} to /graphql.' }] });
    }
    const token = sessionTokenFrom(req);
    const tenantId = token ? tenantOfSessionToken(token) : null;
    const viewer = tenantId ? (await pool.query(SESSION_SQL, [tenantId, hashSecret(token)])).rows[0] : undefined;
    if (!viewer) return json(res, 200, { errors: [{ message: 'Please sign in.', extensions: { code: 'UNAUTHENTICATED' } }] });
    if (viewer.kind !== 'admin') return json(res, 200, { errors: [{ message: 'The bare server only serves admins.' }] });
    const { rows } = await pool.query(DEPARTMENTS_SQL, [tenantId, viewer.user_id]);
    const departments = rows.map((row) => ({ id: row.id, name: row.name, isPublic: row.is_public, isPrivate: row.owner_id !== null }));
    return json(res, 200, { data: { departments } });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => json(res, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

/** POSTs one GraphQL operation; returns the parsed body and the response. */
async function graphql(url, query, cookie) {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { body: await response.json(), response };
}

/** Signs in as the demo admin; returns the `name=value` cookie pair. */
async function signIn(url) {
  const { body, response } = await graphql(url, LOGIN);
  if (body.errors) throw new Error(`Sign-in failed: ${JSON.stringify(body.errors)}`);
  const pair = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((p) => p.startsWith(`${SESSION_COOKIE}=`));
  if (!pair) throw new Error(`Sign-in returned no ${SESSION_COOKIE} cookie.`);
  return pair;
}

/** Warms up, then measures one server from a worker thread. */
function measure(url, cookie) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/load-worker.mjs', import.meta.url), {
      workerData: {
        url,
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: QUERY }),
        concurrency,
        warmupMs: WARMUP_MS,
        durationMs: seconds * 1000,
        timeoutMs: REQUEST_TIMEOUT_MS,
        check: { field: 'departments', expectedLength: EXPECTED_DEPARTMENTS },
      },
    });
    let result;
    worker.once('message', (message) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(summarize(result)) : reject(new Error(`The load worker exited with code ${code} without a result.`))));
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summarize({ completed, ok, failures, elapsedMs, latencies }) {
  const sorted = latencies.sort();
  return {
    requests: ok,
    errors: completed - ok,
    failures,
    perSecond: ok / (elapsedMs / 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
  };
}

function printTable(rows) {
  const header = ['server', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors'];
  const lines = rows.map(({ name, r }) => [name, String(r.requests), r.perSecond.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), String(r.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** Closes what was started, newest first (the database drop was pushed first, so it goes last). */
const { cleanups, cleanUp } = cleanupStack();

// Bounded in time: a hung server or database must not hang the run.
const deadlineMs = 2 * (WARMUP_MS + seconds * 1000 + REQUEST_TIMEOUT_MS) + 120_000;
setTimeout(() => {
  console.error(`The benchmark did not finish within ${Math.round(deadlineMs / 1000)} s; stopping.`);
  cleanUp().finally(() => process.exit(1));
}, deadlineMs).unref();
process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));

try {
  await withAdminClient((client) => client.query(`create database ${dbName}`));
  cleanups.push(() => withAdminClient((client) => client.query(`drop database if exists ${dbName} with (force)`)));

  const full = await startFullStack();
  cleanups.push(full.close);
  const bare = await startBareServer();
  cleanups.push(bare.close);
  const cookie = await signIn(full.url);

  // Both servers must give the same answer, or the comparison means nothing.
  const fromFull = (await graphql(full.url, QUERY, cookie)).body;
  const fromBare = (await graphql(bare.url, QUERY, cookie)).body;
  deepStrictEqual(fromBare, fromFull, 'The bare server and the full stack answer differently.');
  if (fromFull.data?.departments?.length !== EXPECTED_DEPARTMENTS)
    throw new Error(`Expected ${EXPECTED_DEPARTMENTS} departments, got ${JSON.stringify(fromFull)}`);

  console.log(`graphql-read: ${QUERY} as the demo admin (session cookie)`);
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, concurrency ${concurrency}, ${WARMUP_MS / 1000} s warm-up + ${seconds} s per server, one server at a time`,
  );
  console.log('');

  const results = [];
  for (const [name, url] of [
    ['bare node:http + pg', bare.url],
    ['full stack', full.url],
  ]) {
    const r = await measure(url, cookie);
    results.push({ name, r });
  }
  const [bareResult, fullResult] = results.map((row) => row.r);
  printTable(results);
  for (const { name, r } of results) {
    for (const [problem, count] of r.failures) console.log(`  ${name} failure x${count}: ${problem}`);
  }

  const ratio = fullResult.perSecond / bareResult.perSecond;
  const verdict = (pass) => (pass ? 'PASS' : 'MISS');
  console.log('');
  console.log(`ratio full stack / bare: ${(ratio * 100).toFixed(1)} % of the throughput`);
  console.log(`target at concurrency ${TARGET_CONCURRENCY}:`);
  console.log(`  throughput >= ${TARGET_RATIO * 100} % of bare: ${(ratio * 100).toFixed(1)} %  ${verdict(ratio >= TARGET_RATIO)}`);
  console.log(`  full stack p99 < ${TARGET_P99_MS} ms: ${fullResult.p99.toFixed(2)} ms  ${verdict(fullResult.p99 < TARGET_P99_MS)}`);
  if (concurrency !== TARGET_CONCURRENCY) console.log(`  (this run used concurrency ${concurrency}, so the verdicts are indicative only)`);
  if (fullResult.errors > 0 || bareResult.errors > 0) console.log('  (failed responses are excluded from req/s but included in the latencies)');
} finally {
  await cleanUp();
}
