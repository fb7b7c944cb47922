import { randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { inject } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import type { OutboxOptions } from '../../server/src/modules/mail/smtp/outbox.js';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/infra/logger.js';
import type { MailWorkerOptions } from '../../server/src/modules/mail/imap/mail-worker.js';
import { initORM, type MikroORM } from '../../server/src/infra/orm.js';
import { createRealtimeBus, type RealtimeBus } from '../../server/src/realtime/pubsub.js';

export interface TestServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly orm: MikroORM;
  readonly app: App;
  /** The server's event bus: events published on it reach the server's subscribers. */
  readonly bus: RealtimeBus;
  close(): Promise<void>;
}

/** A real Tresen server in this process on a free loopback port, on the run's database. */
export async function startTestServer(
  options: { redisUrl?: string; env?: Record<string, string>; mailWorker?: Partial<MailWorkerOptions>; outbox?: Partial<OutboxOptions> } = {},
): Promise<TestServer> {
  const databaseUrl = inject('databaseUrl');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    TRESEN_SECRET: 'test-secret-test-secret-test-secret-42',
    TRESEN_SERVE_CLIENT: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    // Mail workers only where a test asks for one, so test files never watch each other's mailboxes.
    TRESEN_MAIL_WORKER: options.mailWorker ? 'true' : 'false',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  const logger = createLogger(config);
  const orm = await initORM(databaseUrl, logger, { migrate: false });
  const bus: RealtimeBus = createRealtimeBus(config.redisUrl, logger);
  const app = await createApp({
    config,
    orm,
    bus,
    logger,
    ...(options.mailWorker ? { mailWorker: options.mailWorker } : {}),
    // A pg-boss schema of its own for every server that sends, so no other test's process takes its jobs.
    ...(options.outbox || options.mailWorker ? { outbox: { schema: `pgboss_${randomBytes(4).toString('hex')}`, ...options.outbox } } : {}),
  });
  const port = await app.listen();
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    orm,
    app,
    bus,
    close: async () => {
      await app.close();
      await bus.close();
      await orm.close();
    },
  };
}
