/**
 * Where the test services are. Defaults match the CI machine: PostgreSQL with trust auth and Redis
 * on loopback. Tests never touch any database but the one created for the run.
 */
export const TEST_POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
