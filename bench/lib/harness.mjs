/**
 * What the benchmarks share: settings from the environment, a throw-away database, Tresen started
 * in this process as main.ts starts it, and signing in as the demo admin.
 */
import pg from 'pg';

/** A positive whole number from the environment, or the default; anything else stops the run with a hint. */
export function positiveInt(name, fallback) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  return value;
}

/** A database `tresen_bench_<pid>` on BENCH_DATABASE_URL's server, made by create() and dropped by drop(). */
export function benchDatabase() {
  const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tresen_bench_${process.pid}`;
  const url = Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
  const onServer = async (sql) => {
    const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return { url, create: () => onServer(`create database ${name}`), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

/**
 * Tresen in this process (production settings, in-process events) on a free loopback port. Call
 * after `process.env.NODE_ENV` is set: the server modules are imported here, on first use.
 */
export async function startTresen(databaseUrl, env = {}, deps = {}) {
  await import('reflect-metadata');
  const { loadConfig } = await import('../../server/dist/config.js');
  const { createLogger } = await import('../../server/dist/infra/logger.js');
  const { initORM } = await import('../../server/dist/infra/orm.js');
  const { createRealtimeBus } = await import('../../server/dist/realtime/pubsub.js');
  const { createApp } = await import('../../server/dist/app.js');
  const { bootstrapFirstStart } = await import('../../server/dist/modules/tenants/bootstrap.service.js');
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    TRESEN_SECRET: 'x'.repeat(40),
    LOG_LEVEL: 'warn',
    TRESEN_SERVE_CLIENT: 'false',
    ...env,
  });
  const logger = createLogger(config);
  const orm = await initORM(databaseUrl, logger);
  await bootstrapFirstStart(orm.em.fork(), undefined);
  const bus = createRealtimeBus(undefined, logger);
  const app = await createApp({ config, orm, bus, logger, ...deps });
  const port = await app.listen();
  return {
    orm,
    bus,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await app.close();
      await bus.close();
      await orm.close();
    },
  };
}

/** POSTs one GraphQL operation; throws on errors. Returns the data and the response. */
export async function graphql(url, query, variables = {}, cookie = undefined) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, response };
}

/** Signs in as the demo admin; returns the `name=value` session cookie. */
export async function signInDemoAdmin(url) {
  const { SESSION_COOKIE } = await import('../../server/dist/http/cookies.js');
  const { response } = await graphql(url, 'mutation { login(email: "admin@demo.tresen.local", password: "tresen-demo-admin") { id } }');
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`Sign-in returned no ${SESSION_COOKIE} cookie.`);
  return cookie;
}

/** A CPU profile of this process's main thread from now until `stop(file)` (BENCH_PROFILE in the benches). */
export async function startProfile() {
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

/** What a bench started, to close newest first at the end (or on Ctrl-C); `cleanUp` is safe to call twice. */
export function cleanupStack() {
  const cleanups = [];
  let cleaning;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const close of cleanups.reverse()) await close().catch((error) => console.error(`clean-up: ${error.message}`));
    })());
  return { cleanups, cleanUp };
}
