import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Department } from '../../server/src/modules/departments/department.entity.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { collect, Gql, wsClient } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const tooManyAliases = `mutation { ${Array.from({ length: 16 }, (_, i) => `a${i}: departmentCreate(input: { name: "Alias ${i}" }) { id }`).join(' ')} }`;
const tooDeep = '{ staff { departments { a { b { c { d { e { f { g { id } } } } } } } } } }';
const tooCostly = `{ ${Array.from({ length: 1000 }, () => 'departments { id name isPublic isPrivate createdAt }').join(' ')} }`;

let server: TestServer;
let world: World;
const departments = () => server.orm.em.fork().count(Department, { tenantId: world.tenantId });

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
});
afterAll(() => server?.close());

describe('request shape limits over HTTP', () => {
  it('rejects more than 15 aliases before any resolver runs', async () => {
    const before = await departments();
    const result = await world.asAdmin.request(tooManyAliases);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
    expect(await departments()).toBe(before);
  });

  it('rejects queries deeper than 8 levels', async () => {
    const result = await world.asAdmin.request(tooDeep);
    expect(result.errors?.map((e) => e.message).join('\n')).toMatch(/depth limit of 8/i);
  });

  it('rejects queries over the cost limit', async () => {
    const result = await world.asAdmin.request(tooCostly);
    expect(result.status).toBe(400);
    expect(result.errors?.map((e) => e.message).join('\n')).toMatch(/cost limit/i);
  });

  it('keeps CSRF prevention on: a form-encoded POST without a preflight header is refused', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `tresen_session=${world.asAdmin.credentials.cookie}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });
});

describe('request shape limits over the WebSocket', () => {
  it('rejects too many aliases, too deep and too costly operations before anything runs', async () => {
    const client = wsClient(server.wsUrl, world.asAdmin.credentials, new URL(server.url).origin);
    const before = await departments();
    for (const [query, pattern] of [
      [tooManyAliases, /aliases/i],
      [tooDeep, /depth limit/i],
      [tooCostly, /cost limit/i],
    ] as const) {
      const run = collect(client, query);
      await run.completed;
      expect(run.events).toEqual([]);
      expect(JSON.stringify(run.errors, errorFields)).toMatch(pattern);
    }
    expect(await departments()).toBe(before);
    await client.dispose();
  });
});

describe('production mode', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => production?.close());

  it('answers no introspection and no field suggestions over HTTP', async () => {
    const anon = new Gql(production.url);
    const introspection = await anon.request('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    expect(introspection.data ?? null).toBeNull();
    const typo = await anon.request('{ departmnts { id } }');
    expect(typo.errors?.[0]?.message).toMatch(/Cannot query field/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/stacktrace/i);
  });

  it('answers no introspection and no field suggestions over the WebSocket', async () => {
    const client = wsClient(production.wsUrl.replace('127.0.0.1', 'localhost'), {});
    const introspection = collect(client, '{ __schema { types { name } } }');
    await introspection.completed;
    expect(JSON.stringify(introspection.errors)).toMatch(/introspection/i);
    const typo = collect(client, '{ departmnts { id } }');
    await typo.completed;
    expect(JSON.stringify(typo.errors)).toMatch(/Cannot query field/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    await client.dispose();
  });
});

/** JSON.stringify replacer that keeps Error messages (they are not enumerable). */
function errorFields(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
