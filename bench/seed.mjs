/**
 * Seeds the scale data set bench:tickets measures against: one tenant "Scale GmbH" with an admin and
 * 20 agents, 10 shared departments, 50,000 customers with a contact each, 1,000,000 tickets and
 * 5,000,000 messages. The database is kept (that is its purpose); a second run finds it and stops.
 *
 * Run with `npm run bench:seed` (builds the server first). Flags and settings, all optional:
 * - --fresh             drop the database first and seed it again
 * - BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 * - BENCH_DB            database name, must start with tresen_bench_ (default tresen_bench_scale)
 * - BENCH_SEED_TICKETS  number of tickets (default 1,000,000; messages and customers scale along)
 * - BENCH_SEED_JOBS     COPY streams for the messages, run in parallel with the tickets' (default 1)
 *
 * How: the tenant, its staff and departments go through the server's own code (stageTenant,
 * StaffService); the bulk rows are generated in Node from a seeded generator and streamed with COPY,
 * with the secondary indexes dropped during the load and rebuilt afterwards, then VACUUM ANALYZE.
 * Target: done within 15 minutes on a 2-core machine. Missing it is reported, not failed.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import pgCopyStreams from 'pg-copy-streams';
import {
  ADMIN_EMAIL,
  AGENT_COUNT,
  DB_PREFIX,
  DEFAULT_BASE_URL,
  DEFAULT_DB,
  DEPARTMENTS,
  PASSWORD,
  SEED_MARK,
  SIZES,
  TENANT_NAME,
  AGENT_NAMES,
  agentEmail,
  migrationsHash,
} from './lib/scale-data.mjs';
import {
  CONTACT_COLUMNS,
  CUSTOMER_COLUMNS,
  MESSAGE_COLUMNS,
  TICKET_COLUMNS,
  WATCHER_COLUMNS,
  contactRow,
  createWorld,
  customerOf,
  customerRow,
  messageCount as messagesOfTicket,
  messageRows,
  planTicket,
  ticketRow,
} from './lib/scale-gen.mjs';

const TARGET_MINUTES = 15;
/** Tables whose secondary indexes are dropped for the load and rebuilt after it. */
const BULK_TABLES = ['customers', 'contacts', 'tickets', 'messages', 'ticket_watchers'];
const CHUNK_BYTES = 256 * 1024;

const argv = process.argv.slice(2);
const unknown = argv.filter((arg) => arg !== '--fresh');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: npm run bench:seed [-- --fresh]`);
  process.exit(2);
}
const fresh = argv.includes('--fresh');

function positiveInt(name, fallback) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  return value;
}

const ticketCount = positiveInt('BENCH_SEED_TICKETS', SIZES.tickets);
const sizes = {
  tickets: ticketCount,
  messagesPerTicket: SIZES.messagesPerTicket,
  customers: Math.max(1, Math.round((ticketCount * SIZES.customers) / SIZES.tickets)),
};
// Pairs of tickets hold exactly 2 x messagesPerTicket messages; an odd last ticket has its own count.
const messageCount =
  ticketCount % 2 === 0
    ? ticketCount * sizes.messagesPerTicket
    : (ticketCount - 1) * sizes.messagesPerTicket + messagesOfTicket(ticketCount, sizes.messagesPerTicket);
const jobs = positiveInt('BENCH_SEED_JOBS', 1);
const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BASE_URL;
const dbName = process.env.BENCH_DB?.trim() || DEFAULT_DB;
if (!/^[a-z0-9_]+$/.test(dbName) || !dbName.startsWith(DB_PREFIX)) {
  console.error(`BENCH_DB must be lower-case letters, digits and _ and start with ${DB_PREFIX} (got "${dbName}"): the seed drops it with --fresh.`);
  process.exit(2);
}
const dbUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();

process.env.NODE_ENV ??= 'production';
await import('reflect-metadata');
const { initORM } = await import('../server/dist/infra/orm.js');
const { stageTenant } = await import('../server/dist/modules/tenants/tenant.service.js');
const { createServices } = await import('../server/dist/graphql/services.js');
const { LoginLimiter } = await import('../server/dist/modules/auth/login-limiter.js');
const { PortalLimiter } = await import('../server/dist/modules/portal/portal-limiter.js');
const { TicketLinkSigner } = await import('../server/dist/modules/portal/ticket-links.js');
const { Department } = await import('../server/dist/modules/departments/department.entity.js');
const { createPubSub } = await import('@graphql-yoga/subscription');
const { MemoryPresenceStore } = await import('../server/dist/modules/tickets/presence.store.js');
const { SecretBox } = await import('../server/dist/shared/secret-box.js');
const { MessageIdSigner } = await import('../server/dist/modules/mail/threading/message-ids.js');
const { DEFAULT_MAIL_LIMITS } = await import('../server/dist/modules/mail/parsing/parse-mail.js');
const { createLogger } = await import('../server/dist/infra/logger.js');

const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const clock = () => {
  const s = Math.round(elapsed());
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const log = (message) => console.log(`[${clock()}] ${message}`);
const fmt = (n) => Math.round(n).toLocaleString('en-US');

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The completion mark of an existing database (its comment), or null. */
async function existingState() {
  return withClient(baseUrl, async (client) => {
    const { rows } = await client.query('select shobj_description(oid, $2) as comment from pg_database where datname = $1', [dbName, 'pg_database']);
    if (rows.length === 0) return null;
    let mark = null;
    try {
      mark = JSON.parse(rows[0].comment ?? 'null');
    } catch {
      mark = null;
    }
    return { mark };
  });
}

async function dropDatabase() {
  await withClient(baseUrl, (client) => client.query(`drop database if exists ${dbName} with (force)`));
}

// ---------------------------------------------------------------------------------------------------

const state = await existingState();
if (state && !fresh) {
  const mark = state.mark;
  if (mark?.seed === SEED_MARK.seed && mark.complete) {
    const tickets = await withClient(dbUrl, async (client) => {
      const { rows } = await client.query(`select c.last_ticket_number as n from tenant_counters c join tenants t on t.id = c.tenant_id where t.name = $1`, [
        TENANT_NAME,
      ]);
      return rows[0]?.n ?? 0;
    });
    console.log(`${dbName} is already seeded: ${fmt(tickets)} tickets, ${fmt(mark.messages)} messages (seeded ${mark.completedAt}, seed v${mark.version}).`);
    if (mark.version !== SEED_MARK.version)
      console.log(`  It was written by seed v${mark.version}; this is v${SEED_MARK.version}. Reseed: npm run bench:seed -- --fresh`);
    if (mark.migrations !== (await migrationsHash()))
      console.log('  The migrations changed since it was seeded (the schema may differ). Reseed: npm run bench:seed -- --fresh');
    if (mark.tickets !== ticketCount) console.log(`  It holds ${fmt(mark.tickets)} tickets, not the ${fmt(ticketCount)} asked for. Reseed with --fresh.`);
    console.log(`Nothing to do. Reseed with: npm run bench:seed -- --fresh    Drop with: psql ${baseUrl} -c 'drop database ${dbName}'`);
    process.exit(0);
  }
  log(`${dbName} exists but holds no complete seed (an interrupted run?): dropping and seeding it again.`);
}
if (state) {
  if (fresh) log(`--fresh: dropping ${dbName}`);
  await dropDatabase();
}

log(
  `seeding ${dbName}: ${fmt(sizes.customers)} customers, ${fmt(sizes.tickets)} tickets, ${fmt(messageCount)} messages (Node ${process.version}, ${os.cpus().length} CPUs, ${jobs} message stream(s))`,
);
await withClient(baseUrl, (client) => client.query(`create database ${dbName}`));

// 1. Schema and the tenant, through the server's own code.
const orm = await initORM(dbUrl);
let world;
try {
  const em = orm.em.fork();
  const { tenant, supportGroupId } = stageTenant(em, TENANT_NAME);
  await em.flush();
  const tenantId = tenant.id;
  const departments = DEPARTMENTS.map((d) => ({
    ...d,
    id: em.create(Department, { id: randomUUID(), tenantId, name: d.name, isPublic: d.isPublic, ownerId: null }).id,
  }));
  await em.flush();
  // Department d is open to `agents` agents, handed out round-robin so everyone has two or three.
  const memberIds = departments.map(() => []);
  const accessOf = Array.from({ length: AGENT_COUNT }, () => []);
  let next = 0;
  departments.forEach((d, i) => {
    for (let j = 0; j < d.agents; j++, next++) accessOf[next % AGENT_COUNT].push(i);
  });

  // Only the staff service is used; the mail parts are there because every service set has them.
  const secret = 'seed-secret-nothing-is-sealed-or-signed-with-it';
  const deps = {
    config: { sessionTtlSeconds: 3600, attachmentMaxBytes: 1024 * 1024, timeZone: 'Europe/Berlin', publicUrl: 'http://localhost:4000' },
    pubSub: createPubSub(),
    limiter: new LoginLimiter(null),
    presence: new MemoryPresenceStore(),
    mail: {
      box: new SecretBox(secret),
      signer: new MessageIdSigner(secret),
      limits: DEFAULT_MAIL_LIMITS,
      logger: createLogger({ logLevel: 'silent' }),
      outbox: null,
    },
    portal: { links: new TicketLinkSigner(secret), mailer: null, limiter: new PortalLimiter(null) },
  };
  const createStaff = (email, name, role, departmentIndexes) =>
    createServices(orm.em.fork(), deps).staff.create(tenantId, {
      email,
      name,
      password: PASSWORD,
      role,
      groupIds: [supportGroupId],
      departmentIds: departmentIndexes.map((i) => departments[i].id),
    });
  const admin = await createStaff(ADMIN_EMAIL, 'Sabine Admin', 'admin', []);
  const agents = [];
  for (let i = 0; i < AGENT_COUNT; i++) {
    const name = AGENT_NAMES[i % AGENT_NAMES.length];
    const agent = await createStaff(agentEmail(i + 1), name, 'agent', accessOf[i]);
    agents.push(agent);
    accessOf[i].forEach((d) => memberIds[d].push(agent.id));
  }
  const privateDepartments = (await orm.em.fork().find(Department, { tenantId, ownerId: { $in: agents.map((a) => a.id) } })).map((d) => ({
    id: d.id,
    ownerId: d.ownerId,
  }));
  const statusRows = await orm.em.getConnection().execute('select id, key, category from ticket_statuses where tenant_id = ?', [tenantId]);
  world = createWorld({
    tenantId,
    statuses: new Map(statusRows.map((s) => [s.key, s])),
    departments: departments.map((d, i) => ({ id: d.id, memberIds: memberIds[i] })),
    privateDepartments,
    admin,
    agents,
    now: Date.now(),
    sizes,
  });
  log(`tenant ${TENANT_NAME} (${tenantId}): admin ${ADMIN_EMAIL}, ${AGENT_COUNT} agents, ${departments.length} shared departments`);
} finally {
  await orm.close();
}

// 2. Bulk load.
const { from: copyFrom } = pgCopyStreams;
const connect = async (settings = []) => {
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  for (const sql of settings) await client.query(sql);
  return client;
};
// Foreign keys are PostgreSQL triggers; in replica mode they do not fire, so five million deferred
// checks are not queued. The rows are consistent by construction (every id comes from the same plan).
const LOAD_SETTINGS = ['set session_replication_role = replica', 'set synchronous_commit = off'];

const counters = { customers: 0, contacts: 0, tickets: 0, watchers: 0, messages: 0 };
/** Streams rows from a generator of strings into COPY, in chunks of about CHUNK_BYTES. */
async function copy(client, table, columns, rows, counter) {
  async function* chunks() {
    let buffer = '';
    for (const row of rows()) {
      buffer += row;
      counters[counter] += row.count ?? 1;
      if (buffer.length >= CHUNK_BYTES) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${table} (${columns}) from stdin`)));
}

const loadStarted = elapsed();
const progress = setInterval(() => {
  const s = elapsed() - loadStarted;
  log(
    `  tickets ${fmt(counters.tickets)}/${fmt(sizes.tickets)}, messages ${fmt(counters.messages)}/${fmt(messageCount)} (${fmt((counters.tickets + counters.messages) / s)} rows/s)`,
  );
}, 10_000);
progress.unref();

const secondaryIndexes = await withClient(dbUrl, async (client) => {
  const { rows } = await client.query(
    `select c.relname as table, quote_ident(ic.relname) as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname = any($1)
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [BULK_TABLES],
  );
  for (const index of rows) await client.query(`drop index ${index.name}`);
  return rows;
});
log(`dropped ${secondaryIndexes.length} secondary indexes for the load (${secondaryIndexes.map((i) => i.name).join(', ')})`);

const { tenantId } = world;
const loaders = [];
// Customers, contacts, tickets and watchers on one connection; the messages on `jobs` others.
loaders.push(
  (async () => {
    const client = await connect(LOAD_SETTINGS);
    try {
      const customers = function* () {
        for (let n = 1; n <= sizes.customers; n++) yield customerRow(n, customerOf(n, tenantId, world.now), tenantId);
      };
      await copy(client, 'customers', CUSTOMER_COLUMNS, customers, 'customers');
      const contacts = function* () {
        for (let n = 1; n <= sizes.customers; n++) yield contactRow(customerOf(n, tenantId, world.now), tenantId);
      };
      await copy(client, 'contacts', CONTACT_COLUMNS, contacts, 'contacts');
      log(`  customers and contacts: ${fmt(sizes.customers)} each`);
      const watchers = [];
      const tickets = function* () {
        for (let n = 1; n <= sizes.tickets; n++) {
          const plan = planTicket(world, n);
          if (plan.watcherId) watchers.push(`${tenantId}\t${plan.id}\t${plan.watcherId}\n`);
          yield ticketRow(world, plan);
        }
      };
      await copy(client, 'tickets', TICKET_COLUMNS, tickets, 'tickets');
      log(`  tickets: ${fmt(sizes.tickets)} in ${(elapsed() - loadStarted).toFixed(0)} s`);
      await copy(client, 'ticket_watchers', WATCHER_COLUMNS, () => watchers, 'watchers');
      await client.query(
        `insert into tenant_counters (tenant_id, last_ticket_number, last_customer_number) values ($1, $2, $3)
         on conflict (tenant_id) do update set last_ticket_number = excluded.last_ticket_number, last_customer_number = excluded.last_customer_number`,
        [tenantId, sizes.tickets, sizes.customers],
      );
    } finally {
      await client.end();
    }
  })(),
);
for (let job = 0; job < jobs; job++) {
  loaders.push(
    (async () => {
      const client = await connect(LOAD_SETTINGS);
      try {
        const messages = function* () {
          // Job j takes the ticket pairs j, j + jobs, ...: the streams stay equally long.
          for (let n = 1 + 2 * job; n <= sizes.tickets; n += 2 * jobs) {
            for (const m of [n, n + 1]) {
              if (m > sizes.tickets) break;
              const plan = planTicket(world, m);
              const rows = messageRows(world, plan);
              yield Object.assign(new String(rows), { count: plan.kinds.length });
            }
          }
        };
        await copy(client, 'messages', MESSAGE_COLUMNS, messages, 'messages');
      } finally {
        await client.end();
      }
    })(),
  );
}
await Promise.all(loaders);
clearInterval(progress);
const loadSeconds = elapsed() - loadStarted;
const loadedRows = Object.values(counters).reduce((a, b) => a + b, 0);
log(`loaded ${fmt(loadedRows)} rows in ${loadSeconds.toFixed(0)} s (${fmt(loadedRows / loadSeconds)} rows/s)`);

// 3. Indexes back, two builds at a time (the GIN index over the messages is the long one, so it starts first).
const indexStarted = elapsed();
const queue = [...secondaryIndexes].sort(
  (a, b) => Number(b.def.includes('gin')) - Number(a.def.includes('gin')) || Number(b.table === 'messages') - Number(a.table === 'messages'),
);
await Promise.all(
  [0, 1].map(async () => {
    const client = await connect(["set maintenance_work_mem = '1GB'", 'set max_parallel_maintenance_workers = 0']);
    try {
      for (let index = queue.shift(); index; index = queue.shift()) {
        const t = elapsed();
        await client.query(index.def);
        log(`  index ${index.name} on ${index.table}: ${(elapsed() - t).toFixed(0)} s`);
      }
    } finally {
      await client.end();
    }
  }),
);
log(`rebuilt ${secondaryIndexes.length} indexes in ${(elapsed() - indexStarted).toFixed(0)} s`);

// 4. Statistics and the visibility map (as autovacuum would leave a settled database), then the mark.
const vacuumStarted = elapsed();
await Promise.all(
  [
    ['messages'],
    ['tickets', 'customers', 'contacts', 'ticket_watchers', 'tenant_counters', 'users', 'departments', 'department_members', 'ticket_statuses'],
  ].map((tables) =>
    withClient(dbUrl, async (client) => {
      await client.query("set maintenance_work_mem = '1GB'");
      for (const table of tables) await client.query(`vacuum (analyze) ${table}`);
    }),
  ),
);
log(`vacuum analyze: ${(elapsed() - vacuumStarted).toFixed(0)} s`);

const sizesNow = await withClient(dbUrl, async (client) => {
  const { rows } = await client.query(
    `select (select count(*) from tickets)::int as tickets, (select count(*) from messages)::int as messages,
            pg_size_pretty(pg_database_size(current_database())) as size`,
  );
  return rows[0];
});
if (sizesNow.tickets !== sizes.tickets || sizesNow.messages !== messageCount)
  throw new Error(`Expected ${sizes.tickets} tickets and ${messageCount} messages, found ${sizesNow.tickets} and ${sizesNow.messages}.`);
const mark = {
  ...SEED_MARK,
  complete: true,
  tickets: sizes.tickets,
  messages: messageCount,
  customers: sizes.customers,
  tenantId,
  migrations: await migrationsHash(),
  completedAt: new Date().toISOString(),
};
await withClient(baseUrl, (client) => client.query(`comment on database ${dbName} is '${JSON.stringify(mark).replace(/'/g, "''")}'`));

const total = elapsed();
const totalRows = loadedRows;
console.log('');
console.log(`seeded ${dbName} (${sizesNow.size}): ${fmt(sizes.customers)} customers + contacts, ${fmt(sizes.tickets)} tickets, ${fmt(messageCount)} messages`);
console.log(
  `  load ${loadSeconds.toFixed(0)} s, indexes ${(vacuumStarted - indexStarted).toFixed(0)} s, vacuum analyze ${(total - vacuumStarted).toFixed(0)} s`,
);
console.log(`  total ${(total / 60).toFixed(1)} min, ${fmt(totalRows / total)} rows/s overall`);
const scaled = sizes.tickets === SIZES.tickets;
console.log(
  `target: done within ${TARGET_MINUTES} min: ${(total / 60).toFixed(1)} min  ${total / 60 <= TARGET_MINUTES ? 'PASS' : 'MISS'}${scaled ? '' : ` (indicative only: ${fmt(sizes.tickets)} tickets, not ${fmt(SIZES.tickets)})`}`,
);
console.log('');
console.log(`Sign in as ${ADMIN_EMAIL} or agent1..agent${AGENT_COUNT}@scale.test, password ${PASSWORD}. Measure with: npm run bench:tickets`);
console.log(`The database stays. Drop it with: psql ${baseUrl} -c 'drop database ${dbName}'`);
