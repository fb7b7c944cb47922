import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ticket } from '../../server/src/modules/tickets/ticket.entity.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createTicket, type TicketRow } from '../helpers/tickets.js';

/**
 * Every ticket operation against every kind of viewer, for a ticket in a shared department and
 * one in an agent's private department. Outcomes:
 * - ok: it works;
 * - hidden: the ticket does not exist for this viewer (null, absent from lists, NOT_FOUND on change);
 * - FORBIDDEN / UNAUTHENTICATED: refused before anything runs.
 * After every refused or hidden write the ticket must be unchanged.
 */
type Who = 'anonymous' | 'admin' | 'agent' | 'outsider' | 'customer' | 'readToken' | 'writeToken';
type Outcome = 'ok' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const WHO: Who[] = ['anonymous', 'admin', 'agent', 'outsider', 'customer', 'readToken', 'writeToken'];

type PermWorld = World & { secondDepartmentId: string; mergeTargetId: string };

interface Op {
  name: string;
  write: boolean;
  run: (client: Gql, ticket: TicketRow, w: PermWorld) => Promise<{ code?: string; visible?: boolean }>;
}

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

const ops: Op[] = [
  {
    name: 'tickets (list)',
    write: false,
    run: async (c, t) => {
      const r = await c.request<{ tickets: { edges: { node: { id: string } }[] } }>('{ tickets(first: 100) { edges { node { id } } } }');
      return { code: code(r), visible: r.data?.tickets.edges.some((e) => e.node.id === t.id) };
    },
  },
  {
    name: 'tickets (search)',
    write: false,
    run: async (c, t) => {
      const r = await c.request<{ tickets: { edges: { node: { id: string } }[] } }>(
        'query ($s: String) { tickets(filter: { search: $s }) { edges { node { id } } } }',
        { s: t.subject },
      );
      return { code: code(r), visible: r.data?.tickets.edges.some((e) => e.node.id === t.id) };
    },
  },
  {
    name: 'ticket',
    write: false,
    run: async (c, t) => {
      const r = await c.request<{ ticket: { id: string; internalNote: string | null } | null }>(
        'query ($id: ID!) { ticket(id: $id) { id internalNote messages { text } } }',
        { id: t.id },
      );
      return { code: code(r), visible: !!r.data?.ticket };
    },
  },
  {
    name: 'ticketByNumber',
    write: false,
    run: async (c, t) => {
      const r = await c.request<{ ticketByNumber: { id: string } | null }>('query ($n: Int!) { ticketByNumber(number: $n) { id } }', { n: t.number });
      return { code: code(r), visible: !!r.data?.ticketByNumber };
    },
  },
  {
    name: 'ticketCounts',
    write: false,
    run: async (c, t) => {
      const r = await c.request<{ ticketCounts: { departmentId: string }[] }>('{ ticketCounts { departmentId count } }');
      return { code: code(r), visible: r.data?.ticketCounts.some((x) => x.departmentId === t.department.id) };
    },
  },
  {
    name: 'ticketUpdate',
    write: true,
    run: async (c, t) => ({
      code: code(
        await c.request('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', { i: { id: t.id, version: t.version, subject: 'Changed' } }),
      ),
    }),
  },
  {
    name: 'ticketClose',
    write: true,
    run: async (c, t) => ({ code: code(await c.request('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: t.id })) }),
  },
  {
    name: 'ticketNoteAdd',
    write: true,
    run: async (c, t) => ({
      code: code(await c.request('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', { i: { ticketId: t.id, text: 'Note' } })),
    }),
  },
  {
    name: 'ticketMove',
    write: true,
    run: async (c, t, w) => ({
      code: code(
        await c.request('mutation ($i: TicketMoveInput!) { ticketMove(input: $i) { id } }', {
          i: { id: t.id, departmentId: w.sharedDepartmentId === t.department.id ? w.secondDepartmentId : w.sharedDepartmentId },
        }),
      ),
    }),
  },
  {
    name: 'ticketMerge',
    write: true,
    run: async (c, t, w) => ({
      code: code(await c.request('mutation ($i: TicketMergeInput!) { ticketMerge(input: $i) { id } }', { i: { sourceId: t.id, targetId: w.mergeTargetId } })),
    }),
  },
];

const U: Outcome = 'UNAUTHENTICATED';
const F: Outcome = 'FORBIDDEN';
/** Expected outcomes for a ticket in the shared department the agent (not the outsider) may work in. */
const shared: Record<Who, { read: Outcome; write: Outcome }> = {
  anonymous: { read: U, write: U },
  admin: { read: 'ok', write: 'ok' },
  agent: { read: 'ok', write: 'ok' },
  outsider: { read: 'hidden', write: 'hidden' },
  customer: { read: F, write: F },
  readToken: { read: 'ok', write: F },
  writeToken: { read: 'ok', write: 'ok' },
};
/** Expected outcomes for a ticket in the agent's own private department. */
const privateDept: Record<Who, { read: Outcome; write: Outcome }> = {
  anonymous: { read: U, write: U },
  admin: { read: 'hidden', write: 'hidden' },
  agent: { read: 'ok', write: 'ok' },
  outsider: { read: 'hidden', write: 'hidden' },
  customer: { read: F, write: F },
  readToken: { read: 'hidden', write: F },
  writeToken: { read: 'hidden', write: 'hidden' },
};

let server: TestServer;
let world: PermWorld;
let clients: Record<Who, Gql>;

beforeAll(async () => {
  server = await startTestServer();
  const base = await worldFactory(server.orm, server.url);
  const { departmentCreate } = await base.asAdmin.data<{ departmentCreate: { id: string } }>('mutation { departmentCreate(input: { name: "Second" }) { id } }');
  await base.asAdmin.data('mutation ($i: StaffUpdateInput!) { staffUpdate(input: $i) { id } }', {
    i: { id: base.agent.id, departmentIds: [base.sharedDepartmentId, departmentCreate.id] },
  });
  const target = await createTicket(base.asAgent, base.sharedDepartmentId, 'Merge target');
  world = { ...base, secondDepartmentId: departmentCreate.id, mergeTargetId: target.id };
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

for (const [place, table] of [
  ['shared department', shared],
  ['private department of the agent', privateDept],
] as const) {
  describe(`a ticket in the ${place}`, () => {
    for (const op of ops) {
      for (const who of WHO) {
        const expected = op.write ? table[who].write : table[who].read;
        it(`${op.name} as ${who}: ${expected}`, async () => {
          const departmentId = place === 'shared department' ? world.sharedDepartmentId : world.agent.privateDepartmentId;
          const ticket = await createTicket(world.asAgent, departmentId, `Perm ${op.name} ${who} ${Math.random().toString(36).slice(2, 8)}`);
          const before = await server.orm.em.fork().findOneOrFail(Ticket, { id: ticket.id });
          const result = await op.run(clients[who], ticket, world);
          if (expected === 'ok') {
            expect(result.code).toBeUndefined();
            if (!op.write) expect(result.visible).toBe(true);
          } else if (expected === 'hidden') {
            if (op.write) expect(result.code).toBe('NOT_FOUND');
            else {
              expect(result.code).toBeUndefined();
              // Counts are per department: the department itself must not show up either.
              expect(result.visible ?? false).toBe(false);
            }
          } else {
            expect(result.code).toBe(expected);
          }
          if (expected !== 'ok') {
            const after = await server.orm.em.fork().findOneOrFail(Ticket, { id: ticket.id });
            expect({ ...after, search_doc: undefined }).toEqual({ ...before, search_doc: undefined });
          }
        });
      }
    }
  });
}

describe('customers', () => {
  it.each(WHO)('customers and customerCreate as %s', async (who) => {
    const read = code(await clients[who].request('{ customers { id } }'));
    const write = code(await clients[who].request('mutation ($n: String!) { customerCreate(input: { name: $n }) { id } }', { n: `C ${who}` }));
    const expected = {
      anonymous: [U, U],
      admin: [undefined, undefined],
      agent: [undefined, undefined],
      outsider: [undefined, undefined],
      customer: [F, F],
      readToken: [undefined, F],
      writeToken: [undefined, undefined],
    }[who];
    expect([read, write]).toEqual(expected);
  });
});
