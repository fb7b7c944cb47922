import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldFactory, type World } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Every foundation operation against every kind of viewer. `ok` means it ran without an error;
 * anything else is the error code the viewer must get — and then nothing may have changed.
 */
type Who = 'anonymous' | 'admin' | 'agent' | 'outsider' | 'customer' | 'readToken' | 'writeToken';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const WHO: Who[] = ['anonymous', 'admin', 'agent', 'outsider', 'customer', 'readToken', 'writeToken'];

interface Row {
  name: string;
  query: (w: World) => { query: string; variables?: Record<string, unknown> };
  expect: Record<Who, Outcome>;
}

const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';
let seq = 0;
const unique = (prefix: string) => `${prefix} ${Date.now()}-${seq++}`;

const table: Row[] = [
  {
    name: 'me',
    query: () => ({ query: '{ me { id } }' }),
    expect: { anonymous: 'ok', admin: 'ok', agent: 'ok', outsider: 'ok', customer: 'ok', readToken: 'ok', writeToken: 'ok' },
  },
  {
    name: 'departments',
    query: () => ({ query: '{ departments { id } }' }),
    expect: { anonymous: U, admin: 'ok', agent: 'ok', outsider: 'ok', customer: F, readToken: 'ok', writeToken: 'ok' },
  },
  {
    name: 'department',
    query: (w) => ({ query: 'query ($id: ID!) { department(id: $id) { id } }', variables: { id: w.sharedDepartmentId } }),
    expect: { anonymous: U, admin: 'ok', agent: 'ok', outsider: 'ok', customer: F, readToken: 'ok', writeToken: 'ok' },
  },
  {
    name: 'departmentCreate',
    query: () => ({ query: 'mutation ($n: String!) { departmentCreate(input: { name: $n }) { id } }', variables: { n: unique('Perm') } }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: F, writeToken: 'ok' },
  },
  {
    name: 'departmentUpdate',
    query: (w) => ({
      query: 'mutation ($id: ID!, $n: String!) { departmentUpdate(input: { id: $id, name: $n }) { id } }',
      variables: { id: w.sharedDepartmentId, n: unique('Support') },
    }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: F, writeToken: 'ok' },
  },
  {
    name: 'staff',
    query: () => ({ query: '{ staff { id groups { id } departments { id } } }' }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: 'ok', writeToken: 'ok' },
  },
  {
    name: 'staffCreate',
    query: () => ({
      query: 'mutation ($e: String!) { staffCreate(input: { email: $e, name: "New", password: "a long password", role: AGENT }) { id } }',
      variables: { e: `${unique('new').replace(/\W/g, '')}@example.test` },
    }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: F, writeToken: F },
  },
  {
    name: 'staffUpdate',
    query: (w) => ({ query: 'mutation ($id: ID!) { staffUpdate(input: { id: $id, name: "Renamed" }) { id } }', variables: { id: w.outsider.id } }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: F, writeToken: F },
  },
  {
    name: 'userGroups',
    query: () => ({ query: '{ userGroups { id hourlyRateCents } }' }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: 'ok', writeToken: 'ok' },
  },
  {
    name: 'userGroupCreate',
    query: () => ({ query: 'mutation ($n: String!) { userGroupCreate(input: { name: $n, hourlyRateCents: 100 }) { id } }', variables: { n: unique('Group') } }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: F, writeToken: F },
  },
  {
    name: 'apiTokens',
    query: () => ({ query: '{ apiTokens { id } }' }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: F, writeToken: F },
  },
  {
    name: 'apiTokenCreate',
    query: () => ({ query: 'mutation { apiTokenCreate(input: { name: "t", scope: READ }) { token } }' }),
    expect: { anonymous: U, admin: 'ok', agent: F, outsider: F, customer: F, readToken: F, writeToken: F },
  },
  {
    name: 'passwordChange (wrong current password)',
    query: () => ({ query: 'mutation { passwordChange(input: { currentPassword: "nope nope nope", newPassword: "irrelevant-irrelevant" }) }' }),
    expect: { anonymous: U, admin: 'ok', agent: 'ok', outsider: 'ok', customer: 'ok', readToken: F, writeToken: F },
  },
];

let server: TestServer;
let world: World;
let clients: Record<Who, Gql>;

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  clients = {
    anonymous: new Gql(server.url),
    admin: world.asAdmin,
    agent: world.asAgent,
    outsider: world.asOutsider,
    customer: world.asCustomer,
    readToken: world.asReadToken,
    writeToken: world.asWriteToken,
  };
});
afterAll(() => server?.close());

describe('permissions by role and operation', () => {
  for (const row of table) {
    for (const who of WHO) {
      const expected = row.expect[who];
      it(`${row.name} as ${who}: ${expected}`, async () => {
        const { query, variables } = row.query(world);
        const result = await clients[who].request(query, variables);
        const code = result.errors?.[0]?.extensions?.code;
        if (expected === 'ok') {
          // The password row passes the access check and then fails on the wrong password, as it must.
          expect(code === undefined || (row.name.startsWith('passwordChange') && code === 'BAD_USER_INPUT'), JSON.stringify(result.errors)).toBe(true);
        } else {
          expect(code).toBe(expected);
          expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
        }
      });
    }
  }

  it('lets no viewer of another tenant see or touch this tenant', async () => {
    const other = await worldFactory(server.orm, server.url);
    const theirs = await other.asAdmin.data<{ departments: { id: string }[] }>('{ departments { id } }');
    expect(theirs.departments.map((d) => d.id)).not.toContain(world.sharedDepartmentId);
    expect(
      (await other.asAdmin.data<{ department: unknown }>('query ($id: ID!) { department(id: $id) { id } }', { id: world.sharedDepartmentId })).department,
    ).toBeNull();
    expect(await other.asWriteToken.errorCode('mutation ($id: ID!) { departmentDelete(id: $id) }', { id: world.sharedDepartmentId })).toBe('NOT_FOUND');
    expect(await other.asAdmin.errorCode('mutation ($id: ID!) { staffUpdate(input: { id: $id, active: false }) { id } }', { id: world.agent.id })).toBe(
      'NOT_FOUND',
    );
    const staff = await other.asAdmin.data<{ staff: { id: string }[] }>('{ staff { id } }');
    expect(staff.staff.map((s) => s.id)).not.toContain(world.admin.id);
  });
});
