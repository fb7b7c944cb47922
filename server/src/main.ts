import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './infra/embedded-postgres.js';
import { localSecret } from './infra/local-secret.js';
import { createLogger } from './infra/logger.js';
import { initORM } from './infra/orm.js';
import { bootstrapFirstStart, DEMO_LOGINS } from './modules/tenants/bootstrap.service.js';
import { createRealtimeBus } from './realtime/pubsub.js';

/** Start-up: config -> db -> pubsub -> http/ws. Stops cleanly on SIGTERM and SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  if (config.secretIsEphemeral && !config.databaseUrl) {
    // A local installation: keep the secret beside the embedded database it belongs to.
    config = { ...config, secret: await localSecret(config.dataDir), secretIsEphemeral: false };
  } else if (config.secretIsEphemeral) {
    logger.warn('TRESEN_SECRET is not set: using a random secret for this run (sessions end and saved mailbox passwords cannot be read after a restart).');
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, logger);
    databaseUrl = embedded.url;
  }
  const orm = await initORM(databaseUrl, logger);
  const firstStart = await bootstrapFirstStart(orm.em.fork(), config.admin);
  const bus = createRealtimeBus(config.redisUrl, logger);
  if (!config.redisUrl) logger.info('REDIS_URL is not set: realtime events stay in this process (run one instance only).');
  const app = await createApp({ config, orm, bus, logger });
  const port = await app.listen();
  // With PORT=0 (tests, several instances on one host) the bound port is only known now.
  const url = config.port === 0 ? `http://${config.host}:${port}` : config.publicUrl;

  const lines = [`Tresen is running at ${url}`];
  if (firstStart === 'created-demo') {
    lines.push('Demo data created. Sign in with:');
    for (const login of DEMO_LOGINS)
      lines.push(`  ${login.role.padEnd(8)}  ${login.email}  /  ${login.password}${login.role === 'customer' ? `  (customer portal: ${url}/portal)` : ''}`);
  } else if (firstStart === 'created-admin') {
    lines.push(`First admin created: ${config.admin?.email}`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
  logger.info({ port, url }, 'listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining HTTP and WebSocket clients');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    await app.close();
    await bus.close();
    await orm.close();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
