/**
 * Benchmark: the customer portal's ticket list for a customer with 10,000 tickets in the scale data
 * set (1,000,000 tickets, 5,000,000 messages), through the full Tresen stack: POST /portal/graphql
 * with the portal cookie, signed in through `portalLogin`, as the tickets' contact and as a colleague
 * who sees them through the customer.
 *
 * Needs the data set of `npm run bench:seed` (kept in its own database). Run with
 * `npm run bench:portal` (builds the server first). Settings, all optional:
 * - BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 * - BENCH_DB            the seeded database (default tresen_bench_scale)
 * - BENCH_SECONDS       measured seconds per scenario (default 10), after 2 s of warm-up each
 * - BENCH_CONCURRENCY   requests in flight (default 4; the targets are defined at 4)
 * - BENCH_SCENARIOS     which scenarios to run, e.g. "a,d" (default a,b,c,d)
 * - BENCH_PROFILE       a file for a CPU profile of the measured scenarios
 * - BENCH_KEEP          1: leave the bench customer in place at the end, to EXPLAIN its queries
 *                       (the next run restores the seeded tickets first)
 *
 * The bench customer is made for the run and taken away at the end (also on Ctrl-C; an interrupted
 * run's leftovers are restored at the next start): 10,000 seeded tickets (every ticket whose number
 * ends in 42) point at it, and 1,000 tickets of other customers name it as a further customer. The
 * tickets' earlier customer and contact are kept in a table of the bench database and put back.
 *
 * Targets at concurrency 4: lists p99 < 50 ms, search p99 < 150 ms. Missing a target is reported,
 * not failed: the exit code is 0 unless the run itself breaks.
 */
import http from 'node:http';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import { cleanupStack, positiveInt, startProfile, startTresen } from './lib/harness.mjs';
import { DB_PREFIX, DEFAULT_BASE_URL, DEFAULT_DB, SEED_MARK, migrationsHash } from './lib/scale-data.mjs';

const TARGET_CONCURRENCY = 4;
const TARGET_LIST_P99_MS = 50;
const TARGET_SEARCH_P99_MS = 150;
const WARMUP_MS = 2_000;
/** Generous: a slow request is a figure to report, not a failure to hide. */
const REQUEST_TIMEOUT_MS = 30_000;
const PAGE = 25;
/** The most frequent topic of the data set: in the subjects of about 7 % of the customer's tickets. */
const SEARCH_WORD = 'Rechnung';

/** The bench customer, its two contacts and their portal logins: fixed ids, so leftovers are recognisable. */
const CUSTOMER = { id: 'b0b0b0b0-0000-4000-8000-000000000001', number: 'PORTAL-BENCH', name: 'Portalbank Haustechnik GmbH' };
const PASSWORD = 'portal-bench-password';
const CONTACTS = [
  {
    who: 'contact',
    id: 'b0b0b0b0-0000-4000-8000-000000000011',
    userId: 'b0b0b0b0-0000-4000-8000-000000000021',
    name: 'Paula Portal',
    email: 'paula.portal@portal-bench.example',
    sees: false,
  },
  {
    who: 'colleague',
    id: 'b0b0b0b0-0000-4000-8000-000000000012',
    userId: 'b0b0b0b0-0000-4000-8000-000000000022',
    name: 'Konrad Kollege',
    email: 'konrad.kollege@portal-bench.example',
    sees: true,
  },
];
/** Tickets that become the bench customer's (contact: the first contact): exactly 10,000 of 1,000,000. */
const OWN_TICKETS = 'number % 100 = 42';
/** Tickets of other customers that get the bench customer as a further customer: 1,000. */
const ASSIGNED_TICKETS = 'number % 1000 = 501';
const BACKUP_TABLE = 'bench_portal_backup';
const ASSIGNED_TABLE = 'bench_portal_assigned';

/** What the portal's ticket page asks for (client/src/shared/entities/portal: PortalTicketFields). */
const LIST_QUERY = `query ($filter: PortalTicketFilter, $first: Int!, $after: String) {
  portalTickets(filter: $filter, first: $first, after: $after) {
    nodes {
      id number subject statusCategory statusLabelDe statusLabelEn priority departmentName createdAt lastActivityAt
      customerNote expectedDate estimatedMinutes minutesSpent openedByName isOwn canRate rating { good comment }
    }
    hasNextPage endCursor
  }
}`;

if (isMainThread) await main();
else await loadWorker();

/**
 * The load generator (this file, run as a worker thread so that it does not share the server's event
 * loop): `concurrency` closed loops, each keeping one request in flight on a keep-alive connection.
 * A response counts when it is HTTP 200 without `errors` and holds exactly the page the unmeasured
 * first run returned (the same ticket ids in the same order, and the same hasNextPage).
 */
async function loadWorker() {
  const { url, cookie, body, expected, concurrency, warmupMs, durationMs, timeoutMs } = workerData;
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const payload = Buffer.from(body);
  const headers = { 'content-type': 'application/json', cookie, 'content-length': String(payload.length) };
  const problemOf = (status, text) => {
    if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      return `not JSON: ${text.slice(0, 200)}`;
    }
    if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 200)}`;
    const page = json.data?.portalTickets;
    if (!Array.isArray(page?.nodes)) return `no data.portalTickets: ${text.slice(0, 200)}`;
    if (pageSignature(page) !== expected) return 'a different page than the first run returned';
    return null;
  };
  const send = () =>
    new Promise((resolve) => {
      const started = performance.now();
      const done = (problem) => resolve({ ms: performance.now() - started, problem });
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers, timeout: timeoutMs },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => done(problemOf(res.statusCode, Buffer.concat(chunks).toString('utf8'))));
          res.on('error', (error) => done(`response: ${error.message}`));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
      req.on('error', (error) => done(`request: ${error.code ?? error.message}`));
      req.end(payload);
    });
  const phase = async (until, record) => {
    const latencies = [];
    let ok = 0;
    const failures = new Map();
    const loop = async () => {
      while (performance.now() < until) {
        const { ms, problem } = await send();
        if (!record) continue;
        latencies.push(ms);
        if (problem === null) ok++;
        else failures.set(problem, (failures.get(problem) ?? 0) + 1);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, loop));
    return { completed: latencies.length, ok, failures: [...failures], elapsedMs: performance.now() - started, latencies: Float64Array.from(latencies) };
  };
  await phase(performance.now() + warmupMs, false);
  const result = await phase(performance.now() + durationMs, true);
  agent.destroy();
  parentPort.postMessage(result, [result.latencies.buffer]);
}

/** A page as the load generator compares it: its ticket ids in order and whether more follow. */
function pageSignature(page) {
  return `${page.nodes.map((n) => n.id).join(',')}|${page.hasNextPage}`;
}

async function main() {
  const seconds = positiveInt('BENCH_SECONDS', 10);
  const concurrency = positiveInt('BENCH_CONCURRENCY', TARGET_CONCURRENCY);
  const selected = (process.env.BENCH_SCENARIOS?.trim() || 'a,b,c,d').split(/[\s,]+/).filter(Boolean);
  if (selected.length === 0 || selected.some((x) => !['a', 'b', 'c', 'd'].includes(x)))
    throw new Error(`BENCH_SCENARIOS lists a, b, c and/or d (got "${process.env.BENCH_SCENARIOS}").`);
  const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BASE_URL;
  const dbName = process.env.BENCH_DB?.trim() || DEFAULT_DB;
  if (!dbName.startsWith(DB_PREFIX)) throw new Error(`BENCH_DB must start with ${DB_PREFIX} (got "${dbName}").`);
  const dbUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();

  const withClient = async (url, fn) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  // The data set must be there and complete; say how to make it otherwise.
  const mark = await withClient(baseUrl, async (client) => {
    const { rows } = await client.query('select shobj_description(oid, $2) as comment from pg_database where datname = $1', [dbName, 'pg_database']);
    if (rows.length === 0) return null;
    try {
      return JSON.parse(rows[0].comment ?? 'null') ?? {};
    } catch {
      return {};
    }
  });
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
  const tenantId = mark.tenantId;

  process.env.NODE_ENV ??= 'production';
  const { hashPassword } = await import('../server/dist/modules/auth/password.js');
  const { PORTAL_COOKIE } = await import('../server/dist/http/cookies.js');

  /** Puts the seeded tickets back as the seed wrote them and takes the bench customer away; a no-op when there is nothing to restore. */
  const restore = () =>
    withClient(dbUrl, async (client) => {
      const { rows } = await client.query('select to_regclass($1) is not null as present', [BACKUP_TABLE]);
      const present = rows[0].present;
      await client.query('begin');
      if (present) {
        await client.query(
          `update tickets t set customer_id = b.customer_id, contact_id = b.contact_id, customer_name = b.customer_name
             from ${BACKUP_TABLE} b where t.tenant_id = $1 and t.id = b.id`,
          [tenantId],
        );
        await client.query(
          `delete from ticket_customers tc using ${ASSIGNED_TABLE} a where tc.tenant_id = $1 and tc.ticket_id = a.ticket_id and tc.customer_id = $2`,
          [tenantId, CUSTOMER.id],
        );
        await client.query(`drop table ${BACKUP_TABLE}, ${ASSIGNED_TABLE}`);
      }
      const userIds = CONTACTS.map((c) => c.userId);
      await client.query('delete from sessions where tenant_id = $1 and user_id = any($2::uuid[])', [tenantId, userIds]);
      await client.query('delete from contacts where tenant_id = $1 and customer_id = $2', [tenantId, CUSTOMER.id]);
      await client.query('delete from users where tenant_id = $1 and id = any($2::uuid[])', [tenantId, userIds]);
      const removed = await client.query('delete from customers where tenant_id = $1 and id = $2', [tenantId, CUSTOMER.id]);
      await client.query('commit');
      if (present || removed.rowCount > 0) {
        for (const table of ['tickets', 'ticket_customers', 'customers', 'contacts', 'users']) await client.query(`vacuum (analyze) ${table}`);
      }
      return present;
    });

  /** The bench customer: 10,000 tickets, its contact and a colleague with portal logins, 1,000 tickets where it is a further customer. */
  const setUp = () =>
    withClient(dbUrl, async (client) => {
      const hash = await hashPassword(PASSWORD);
      await client.query('begin');
      await client.query(
        `insert into customers (id, tenant_id, number, name, is_company, created_at, updated_at) values ($1, $2, $3, $4, true, now() - interval '3 years', now())`,
        [CUSTOMER.id, tenantId, CUSTOMER.number, CUSTOMER.name],
      );
      for (const c of CONTACTS) {
        await client.query(
          `insert into users (id, tenant_id, kind, email, name, password_hash, active, sessions_valid_from, created_at, updated_at)
           values ($1, $2, 'customer', $3, $4, $5, true, now() - interval '1 day', now(), now())`,
          [c.userId, tenantId, c.email, c.name, hash],
        );
        await client.query(
          `insert into contacts (id, tenant_id, customer_id, name, email, user_id, sees_customer_tickets, created_at) values ($1, $2, $3, $4, $5, $6, $7, now())`,
          [c.id, tenantId, CUSTOMER.id, c.name, c.email, c.userId, c.sees],
        );
      }
      await client.query(
        `create table ${BACKUP_TABLE} as select id, customer_id, contact_id, customer_name from tickets where tenant_id = $1 and ${OWN_TICKETS}`,
        [tenantId],
      );
      await client.query(
        `create table ${ASSIGNED_TABLE} as select id as ticket_id from tickets where tenant_id = $1 and ${ASSIGNED_TICKETS} and customer_id is distinct from $2`,
        [tenantId, CUSTOMER.id],
      );
      const own = await client.query(
        `update tickets t set customer_id = $2, contact_id = $3, customer_name = $4 from ${BACKUP_TABLE} b where t.tenant_id = $1 and t.id = b.id`,
        [tenantId, CUSTOMER.id, CONTACTS[0].id, CUSTOMER.name],
      );
      const assigned = await client.query(
        `insert into ticket_customers (tenant_id, ticket_id, customer_id) select $1, ticket_id, $2 from ${ASSIGNED_TABLE} on conflict do nothing`,
        [tenantId, CUSTOMER.id],
      );
      await client.query('commit');
      for (const table of ['tickets', 'ticket_customers', 'customers', 'contacts', 'users']) await client.query(`vacuum (analyze) ${table}`);
      // What each contact must see, by the rule written out independently of the server's SQL.
      const { rows } = await client.query(
        `select t.number, t.contact_id = $2 as own, (t.customer_id = $3) as of_customer
           from tickets t join departments d on d.tenant_id = t.tenant_id and d.id = t.department_id
          where t.tenant_id = $1 and d.owner_id is null
            and (t.contact_id = $2 or t.customer_id = $3
                 or t.id in (select tc.ticket_id from ticket_customers tc where tc.tenant_id = $1 and tc.customer_id = $3))`,
        [tenantId, CONTACTS[0].id, CUSTOMER.id],
      );
      const hidden = await client.query(
        `select count(*)::int as n from tickets t join departments d on d.tenant_id = t.tenant_id and d.id = t.department_id
          where t.tenant_id = $1 and t.customer_id = $2 and d.owner_id is not null`,
        [tenantId, CUSTOMER.id],
      );
      const subjects = await client.query(
        `select count(*) filter (where status_category <> 'closed')::int as open, count(*) filter (where subject ilike $3)::int as word
           from tickets where tenant_id = $1 and contact_id = $2`,
        [tenantId, CONTACTS[0].id, `%${SEARCH_WORD}%`],
      );
      return {
        own: own.rowCount,
        assigned: assigned.rowCount,
        privateHidden: hidden.rows[0].n,
        openOwn: subjects.rows[0].open,
        wordInSubjects: subjects.rows[0].word,
        expected: {
          contact: new Set(rows.filter((r) => r.own).map((r) => r.number)),
          colleague: new Set(rows.map((r) => r.number)),
        },
      };
    });

  const { cleanups, cleanUp } = cleanupStack();
  const SCENARIOS = 8;
  const deadlineMs = 600_000 + SCENARIOS * (WARMUP_MS + seconds * 1000 + REQUEST_TIMEOUT_MS + 60_000);
  setTimeout(() => {
    console.error(`The benchmark did not finish within ${Math.round(deadlineMs / 1000)} s; stopping.`);
    cleanUp().finally(() => process.exit(1));
  }, deadlineMs).unref();
  process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));

  try {
    if (await restore()) console.log('(restored the tickets of an interrupted run first)');
    const keep = process.env.BENCH_KEEP?.trim() === '1';
    cleanups.push(async () => {
      if (keep) return console.log(`BENCH_KEEP=1: the bench customer stays in ${dbName} (the next run restores the seeded tickets first)`);
      await restore();
      console.log(`restored the seeded tickets and removed the bench customer from ${dbName}`);
    });
    const setup = await setUp();

    const server = await startTresen(dbUrl, { LOG_LEVEL: process.env.LOG_LEVEL?.trim() || 'warn' });
    cleanups.push(server.close);
    const portalUrl = `http://127.0.0.1:${server.port}/portal/graphql`;

    const post = async (query, variables, cookie) => {
      const response = await fetch(portalUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS * 2),
      });
      const body = await response.json();
      if (body.errors) throw new Error(`${query.slice(0, 60).replace(/\s+/g, ' ')}...: ${JSON.stringify(body.errors)}`);
      return { data: body.data, response };
    };
    const signIn = async (contact) => {
      const { data, response } = await post('mutation ($e: String!, $p: String!) { portalLogin(email: $e, password: $p) { contactId seesCustomerTickets } }', {
        e: contact.email,
        p: PASSWORD,
      });
      const pair = response.headers
        .getSetCookie()
        .map((header) => header.split(';')[0])
        .find((p) => p.startsWith(`${PORTAL_COOKIE}=`));
      if (!pair) throw new Error(`portalLogin returned no ${PORTAL_COOKIE} cookie.`);
      if (data.portalLogin.contactId !== contact.id || data.portalLogin.seesCustomerTickets !== contact.sees)
        throw new Error(`portalLogin signed in someone else: ${JSON.stringify(data.portalLogin)}`);
      return pair;
    };
    const page = async (cookie, variables) => (await post(LIST_QUERY, { first: PAGE, ...variables }, cookie)).data.portalTickets;

    console.log(
      `portal: ${dbName} (${Number(mark.tickets).toLocaleString('en-US')} tickets, ${Number(mark.messages).toLocaleString('en-US')} messages, seeded ${mark.completedAt})${schemaNote}`,
    );
    console.log(
      `Node ${process.version}, ${os.cpus().length} CPUs, concurrency ${concurrency}, ${WARMUP_MS / 1000} s warm-up + ${seconds} s per scenario, full stack as main.ts starts it (production)`,
    );
    console.log(
      `bench customer: ${setup.own.toLocaleString('en-US')} tickets (${setup.openOwn.toLocaleString('en-US')} not closed, ${setup.privateHidden} in private departments, "${SEARCH_WORD}" in ${setup.wordInSubjects} subjects), further customer of ${setup.assigned.toLocaleString('en-US')} more`,
    );

    const viewers = [];
    for (const contact of CONTACTS) viewers.push({ ...contact, cookie: await signIn(contact), expected: setup.expected[contact.who] });

    // Every ticket a contact may see, and none other: all pages of 100, compared with the rule as plain SQL.
    for (const viewer of viewers) {
      const seen = [];
      let after = null;
      const started = performance.now();
      let pages = 0;
      for (;;) {
        const result = await post(LIST_QUERY, { first: 100, after, filter: { state: 'ALL' } }, viewer.cookie);
        const { nodes, hasNextPage, endCursor } = result.data.portalTickets;
        pages++;
        seen.push(...nodes.map((n) => n.number));
        if (!hasNextPage) break;
        after = endCursor;
      }
      const unique = new Set(seen);
      const extra = [...unique].filter((n) => !viewer.expected.has(n));
      const missing = [...viewer.expected].filter((n) => !unique.has(n));
      if (unique.size !== seen.length || extra.length > 0 || missing.length > 0)
        throw new Error(
          `The ${viewer.who}'s list is wrong: ${seen.length} rows, ${seen.length - unique.size} repeated, ${extra.length} not theirs (e.g. #${extra[0]}), ${missing.length} missing (e.g. #${missing[0]}).`,
        );
      console.log(
        `check (${viewer.who}): ${pages} pages of 100 list exactly the ${unique.size.toLocaleString('en-US')} tickets they may see (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    console.log('');

    // The scenarios; the unmeasured first run gives the page every measured response must equal.
    const scenarios = [];
    for (const viewer of viewers) {
      const all = await page(viewer.cookie, { filter: { state: 'ALL' } });
      const list = [
        ['a', '(a) all, first page', { filter: { state: 'ALL' } }],
        ['b', '(b) open, first page', { filter: { state: 'OPEN' } }],
        ['c', '(c) all, next page (after)', { filter: { state: 'ALL' }, after: all.endCursor }],
        ['d', `(d) search "${SEARCH_WORD}"`, { filter: { state: 'ALL', search: SEARCH_WORD } }],
      ];
      for (const [key, name, variables] of list) {
        if (!selected.includes(key)) continue;
        const started = performance.now();
        const first = await page(viewer.cookie, variables);
        const firstMs = performance.now() - started;
        const outside = first.nodes.filter((n) => !viewer.expected.has(n.number));
        if (outside.length > 0) throw new Error(`LEAK: ${name} showed the ${viewer.who} ${outside.length} tickets they may not see.`);
        if (first.nodes.length !== PAGE)
          throw new Error(`${name} returned ${first.nodes.length} tickets for the ${viewer.who}, expected a full page of ${PAGE}.`);
        scenarios.push({
          viewer,
          key,
          name,
          kind: key === 'd' ? 'search' : 'list',
          firstMs,
          body: JSON.stringify({ query: LIST_QUERY, variables: { first: PAGE, ...variables } }),
          expected: pageSignature(first),
        });
      }
    }

    const waitIdle = (limitMs = 60_000) =>
      withClient(dbUrl, async (client) => {
        const started = performance.now();
        for (;;) {
          const { rows } = await client.query(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()",
          );
          if (rows[0].n === 0 || performance.now() - started > limitMs) return performance.now() - started;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      });
    const measure = (scenario) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), {
          workerData: {
            url: portalUrl,
            cookie: scenario.viewer.cookie,
            body: scenario.body,
            expected: scenario.expected,
            concurrency,
            warmupMs: WARMUP_MS,
            durationMs: seconds * 1000,
            timeoutMs: REQUEST_TIMEOUT_MS,
          },
        });
        let result;
        worker.once('message', (message) => (result = message));
        worker.once('error', reject);
        worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`The load worker exited with code ${code} without a result.`))));
      });

    const profile = process.env.BENCH_PROFILE ? await startProfile() : null;
    const results = [];
    for (const scenario of scenarios) {
      const waited = await waitIdle();
      if (waited > 1_000) console.log(`  (waited ${(waited / 1000).toFixed(1)} s for the server's queries of the previous scenario to end)`);
      results.push({ scenario, r: summarize(await measure(scenario)) });
    }
    await waitIdle();
    if (profile) await profile.stop(process.env.BENCH_PROFILE);

    const targetOf = (kind) => (kind === 'list' ? TARGET_LIST_P99_MS : TARGET_SEARCH_P99_MS);
    const verdict = (scenario, r) => (r.p99 < targetOf(scenario.kind) ? 'PASS' : 'MISS');
    printTable(
      ['viewer', 'scenario', 'requests', 'req/s', 'p50 ms', 'p99 ms', '1st ms', 'target p99', 'verdict', 'errors'],
      results.map(({ scenario, r }) => [
        scenario.viewer.who,
        scenario.name,
        r.requests,
        r.perSecond.toFixed(1),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        scenario.firstMs.toFixed(0),
        `< ${targetOf(scenario.kind)} ms`,
        verdict(scenario, r),
        r.errors,
      ]),
    );
    for (const { scenario, r } of results)
      for (const [problem, count] of r.failures) console.log(`  ${scenario.viewer.who} ${scenario.name} failure x${count}: ${problem}`);
    console.log('');
    console.log(`targets at concurrency ${TARGET_CONCURRENCY}: lists (a)-(c) p99 < ${TARGET_LIST_P99_MS} ms; search (d) p99 < ${TARGET_SEARCH_P99_MS} ms`);
    const misses = results.filter(({ scenario, r }) => verdict(scenario, r) === 'MISS');
    console.log(
      `  ${results.length - misses.length} of ${results.length} scenarios PASS${misses.length ? `, MISS: ${misses.map(({ scenario }) => `${scenario.viewer.who} (${scenario.key})`).join(', ')}` : ''}`,
    );
    if (concurrency !== TARGET_CONCURRENCY) console.log(`  (this run used concurrency ${concurrency}, so the verdicts are indicative only)`);
    if (results.some(({ r }) => r.errors > 0)) console.log('  (failed responses are excluded from req/s but included in the latencies)');
  } finally {
    await cleanUp();
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summarize({ completed, ok, failures, elapsedMs, latencies }) {
  const sorted = Float64Array.from(latencies).sort();
  return { requests: ok, errors: completed - ok, failures, perSecond: ok / (elapsedMs / 1000), p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

function printTable(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => String(line[i]).length)));
  const format = (cells) => cells.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
