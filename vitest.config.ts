import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/**
 * One run covers unit tests (next to the code), integration tests against the real PostgreSQL and
 * Redis, multi-process tests and the browser end-to-end test. SWC compiles the sources so
 * type-graphql's legacy decorators behave exactly as under tsc.
 */
export default defineConfig({
  // Node loads graphql's CommonJS entry for our dependencies (type-graphql, Apollo); Vite would pick
  // the .mjs one for our sources. Two copies break graphql's instanceof checks, so use Node's.
  resolve: { alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) }] },
  plugins: [
    swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2023' } }),
  ],
  test: {
    include: ['server/src/**/__tests__/**/*.test.ts', 'client/src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
