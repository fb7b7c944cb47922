import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { initORM } from '../../server/src/infra/orm.js';
import { TEST_POSTGRES_ADMIN_URL } from './env.js';

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for this run and applies the committed migrations to it. */
export async function createTestDatabase(): Promise<{ url: string; name: string }> {
  const name = `tresen_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const orm = await initORM(url.toString());
  await orm.close();
  return { url: url.toString(), name };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`drop database if exists ${name} with (force)`));
}
