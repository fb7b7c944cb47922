import type { TestProject } from 'vitest/node';
import { createTestDatabase, dropTestDatabase } from './helpers/database.js';

/** One database for the whole run, created fresh and dropped afterwards; tests isolate by tenant. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { url, name } = await createTestDatabase();
  project.provide('databaseUrl', url);
  return async () => {
    await dropTestDatabase(name);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
