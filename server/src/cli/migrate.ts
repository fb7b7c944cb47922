import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { startEmbeddedPostgres } from '../infra/embedded-postgres.js';
import { createLogger } from '../infra/logger.js';
import { initORM } from '../infra/orm.js';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
const config = loadConfig();
const logger = createLogger(config);
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, logger);
const orm = await initORM(config.databaseUrl ?? embedded!.url, logger, { migrate: false });
const command = process.argv[2] ?? 'up';
if (command === 'up') {
  const applied = await orm.migrator.up();
  process.stdout.write(applied.length > 0 ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'database is up to date\n');
} else if (command === 'pending') {
  const pending = await orm.migrator.getPending();
  process.stdout.write(pending.length > 0 ? `pending: ${pending.map((m) => m.name).join(', ')}\n` : 'nothing pending\n');
} else {
  process.stderr.write(
    `unknown command "${command}": use up or pending (new migrations are written by hand in server/src/migrations and listed in its index.ts)\n`,
  );
  process.exitCode = 2;
}
await orm.close();
await embedded?.stop();
