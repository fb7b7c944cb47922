import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Message } from '../../server/src/modules/messages/message.entity.js';
import { Ticket, TicketHistory } from '../../server/src/modules/tickets/ticket.entity.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { collect, eventually, type Gql, sleep, wsClient } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createTicket, listTickets, TICKET_FIELDS, type TicketRow } from '../helpers/tickets.js';

const UPDATE = `mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { ${TICKET_FIELDS} } }`;
const MOVE = `mutation ($i: TicketMoveInput!) { ticketMove(input: $i) { ${TICKET_FIELDS} } }`;
const MERGE = `mutation ($i: TicketMergeInput!) { ticketMerge(input: $i) { ${TICKET_FIELDS} messages { text } } }`;
const BY_ID = `query ($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

let server: TestServer;
let world: World;
let origin: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  origin = new URL(server.url).origin;
});
afterAll(() => server?.close());

describe('creating tickets', () => {
  it('gives 100 parallel creations 100 distinct, consecutive numbers', async () => {
    const created = await Promise.all(Array.from({ length: 100 }, (_, i) => createTicket(world.asAgent, world.sharedDepartmentId, `Parallel ${i}`)));
    const numbers = created.map((t) => t.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(100);
    expect(numbers.at(-1)! - numbers[0]!).toBe(99);
  });

  it('records the first message, the creation in the history, and starts as "new"', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Telefonat: Passwort vergessen', 'Kunde ruft an, Passwort vergessen.', {
      channel: 'PHONE',
      priority: 'HIGH',
    });
    expect(ticket).toMatchObject({ status: { key: 'new', category: 'OPEN' }, priority: 'HIGH', version: 1 });
    const em = server.orm.em.fork();
    expect((await em.find(Message, { tenantId: world.tenantId, ticketId: ticket.id })).map((m) => [m.kind, m.authorUserId])).toEqual([
      ['inbound', world.agent.id],
    ]);
    expect((await em.find(TicketHistory, { tenantId: world.tenantId, ticketId: ticket.id })).map((h) => h.field)).toEqual(['created']);
  });

  it.each([
    ['an empty subject', { subject: '  ', text: 'x' }, 'subject'],
    ['an empty text', { subject: 'Hi', text: '' }, 'text'],
    ['a 251-character subject', { subject: 'x'.repeat(251), text: 'x' }, 'subject'],
  ])('rejects %s with a field error and creates nothing', async (_label, input, field) => {
    const before = await server.orm.em.fork().count(Ticket, { tenantId: world.tenantId });
    const result = await world.asAgent.request('mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id } }', {
      i: { departmentId: world.sharedDepartmentId, ...input },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await server.orm.em.fork().count(Ticket, { tenantId: world.tenantId })).toBe(before);
  });

  it('refuses a department the agent may not see as not found', async () => {
    const other = await worldFactory(server.orm, server.url);
    for (const departmentId of [world.outsider.privateDepartmentId, other.sharedDepartmentId, '00000000-0000-0000-0000-000000000000', 'nonsense']) {
      const result = await world.asAgent.request('mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id } }', {
        i: { subject: 'x', text: 'y', departmentId },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('updating tickets', () => {
  it('lets one of two updates from the same version win and answers the other with CONFLICT, changing nothing', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Race');
    const [a, b] = await Promise.all([
      world.asAgent.request(UPDATE, { i: { id: ticket.id, version: ticket.version, subject: 'Winner A', priority: 'LOW' } }),
      world.asAdmin.request(UPDATE, { i: { id: ticket.id, version: ticket.version, subject: 'Winner B', priority: 'URGENT' } }),
    ]);
    const codes = [a, b].map((r) => r.errors?.[0]?.extensions?.code ?? 'ok').sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    const winner = (a.errors ? b : a).data as { ticketUpdate: TicketRow };
    const stored = await server.orm.em.fork().findOneOrFail(Ticket, { id: ticket.id });
    expect(stored.subject).toBe(winner.ticketUpdate.subject);
    expect(stored.version).toBe(2);
    const history = await server.orm.em.fork().find(TicketHistory, { tenantId: world.tenantId, ticketId: ticket.id, field: 'subject' });
    expect(history).toHaveLength(1);
  });

  it('answers a stale version with CONFLICT', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId);
    await world.asAgent.data(UPDATE, { i: { id: ticket.id, version: 1, priority: 'HIGH' } });
    expect(await world.asAgent.errorCode(UPDATE, { i: { id: ticket.id, version: 1, priority: 'LOW' } })).toBe('CONFLICT');
  });

  it('records every changed field in the history, with who did it', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId);
    const { ticketStatuses } = await world.asAgent.data<{ ticketStatuses: { id: string; key: string }[] }>('{ ticketStatuses { id key } }');
    const waiting = ticketStatuses.find((s) => s.key === 'waiting')!;
    await world.asAgent.data(UPDATE, {
      i: {
        id: ticket.id,
        version: 1,
        statusId: waiting.id,
        internalNote: 'VIP',
        expectedDate: '2026-12-24',
        estimatedMinutes: 90,
        timeTrackingAllowed: true,
        watcherIds: [world.agent.id],
      },
    });
    const { ticket: read } = await world.asAgent.data<{
      ticket: { history: { field: string; oldValue: string | null; newValue: string | null; actor: { id: string } | null }[]; watchedByMe: boolean };
    }>('query ($id: ID!) { ticket(id: $id) { watchedByMe history { field oldValue newValue actor { id } } } }', { id: ticket.id });
    expect(read.watchedByMe).toBe(true);
    const changes = Object.fromEntries(read.history.map((h) => [h.field, [h.oldValue, h.newValue]]));
    expect(changes).toMatchObject({
      status: ['new', 'waiting'],
      internalNote: [null, 'VIP'],
      expectedDate: [null, '2026-12-24'],
      estimatedMinutes: [null, '90'],
      timeTrackingAllowed: ['false', 'true'],
    });
    expect(read.history.every((h) => h.actor?.id === world.agent.id)).toBe(true);
  });

  it.each([
    ['an impossible date', { expectedDate: '2026-02-31' }, 'expectedDate'],
    ['a negative estimate', { estimatedMinutes: -5 }, 'estimatedMinutes'],
    ['a handler outside Ticket-Support', { handlerId: '00000000-0000-0000-0000-000000000000' }, 'handlerId'],
    ['the merged status', { statusKey: 'merged' }, 'statusId'],
  ])('rejects %s and changes nothing', async (_label, patch, field) => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId);
    const { ticketStatuses } = await world.asAgent.data<{ ticketStatuses: { id: string; key: string }[] }>('{ ticketStatuses { id key } }');
    const input: Record<string, unknown> = { id: ticket.id, version: 1, subject: 'must not stick', ...patch };
    if ('statusKey' in patch) {
      delete input.statusKey;
      input.statusId = ticketStatuses.find((s) => s.key === patch.statusKey)!.id;
    }
    const result = await world.asAgent.request(UPDATE, { i: input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const stored = await server.orm.em.fork().findOneOrFail(Ticket, { id: ticket.id });
    expect([stored.subject, stored.version]).toEqual([ticket.subject, 1]);
  });
});

describe('customers on tickets', () => {
  it('sets, changes and clears the main customer, keeping the search copy of the name in step', async () => {
    const { customerCreate } = await world.asAgent.data<{ customerCreate: { id: string } }>(
      'mutation { customerCreate(input: { name: "Clearable KG" }) { id } }',
    );
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Kunde wechselt', 'x', { customerId: customerCreate.id });
    const cleared = await world.asAgent.data<{ ticketUpdate: { customer: unknown; version: number } }>(
      'mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { version customer { id } } }',
      {
        i: { id: ticket.id, version: 1, clearCustomer: true },
      },
    );
    expect(cleared.ticketUpdate).toEqual({ version: 2, customer: null });
    const stored = await server.orm.em.fork().findOneOrFail(Ticket, { id: ticket.id });
    expect([stored.customerId, stored.customerName]).toEqual([null, null]);
  });
});

describe('moving, closing and merging', () => {
  it('moves a ticket out of an agent’s reach: they lose it everywhere, and the live stream tells them once', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Wandert weg');
    const client = wsClient(server.wsUrl, world.asAgent.credentials, origin);
    const stream = collect<{ ticketChanged: { ticketId: string; ticket: { id: string } | null } }>(
      client,
      'subscription { ticketChanged { ticketId ticket { id } } }',
    );
    await collect(client, '{ me { id } }').completed;
    await world.asAdmin.data(MOVE, { i: { id: ticket.id, departmentId: world.admin.privateDepartmentId } });
    await eventually(() => stream.events.some((e) => e.ticketChanged.ticketId === ticket.id), 'the agent to hear the ticket left');
    expect(stream.events.find((e) => e.ticketChanged.ticketId === ticket.id)?.ticketChanged.ticket).toBeNull();
    // Further changes in the admin's private department never reach the agent.
    await world.asAdmin.data(UPDATE, { i: { id: ticket.id, version: 2, subject: 'Geheim' } });
    await world.asAdmin.data('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', { i: { ticketId: ticket.id, text: 'privat' } });
    await sleep(300);
    expect(stream.events.filter((e) => e.ticketChanged.ticketId === ticket.id)).toHaveLength(1);
    expect((await world.asAgent.data<{ ticket: unknown }>(BY_ID, { id: ticket.id })).ticket).toBeNull();
    expect((await listTickets(world.asAgent)).edges.map((e) => e.node.id)).not.toContain(ticket.id);
    expect(await world.asAgent.errorCode(UPDATE, { i: { id: ticket.id, version: 3, subject: 'x' } })).toBe('NOT_FOUND');
    await client.dispose();
  });

  it('closes and reopens', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId);
    const closed = await world.asAgent.data<{ ticketClose: TicketRow }>(`mutation ($id: ID!) { ticketClose(id: $id) { ${TICKET_FIELDS} } }`, { id: ticket.id });
    expect(closed.ticketClose.status).toEqual({ key: 'closed', category: 'CLOSED' });
    const reopened = await world.asAgent.data<{ ticketReopen: TicketRow }>(`mutation ($id: ID!) { ticketReopen(id: $id) { ${TICKET_FIELDS} } }`, {
      id: ticket.id,
    });
    expect(reopened.ticketReopen.status.key).toBe('open');
    expect(await world.asAgent.errorCode(`mutation ($id: ID!) { ticketReopen(id: $id) { id } }`, { id: ticket.id })).toBe('BAD_USER_INPUT');
  });

  it('merges messages, watchers and customers into the target; the source becomes a pointer', async () => {
    const { customerCreate } = await world.asAgent.data<{ customerCreate: { id: string } }>(
      'mutation { customerCreate(input: { name: "Muster AG", isCompany: true, contacts: [{ name: "Max", email: "max@muster.example" }] }) { id } }',
    );
    const source = await createTicket(world.asAgent, world.sharedDepartmentId, 'Doppelt', 'Erste Nachricht', { customerId: customerCreate.id });
    const target = await createTicket(world.asAgent, world.sharedDepartmentId, 'Original', 'Zweite Nachricht');
    await world.asAgent.data(UPDATE, { i: { id: source.id, version: 1, watcherIds: [world.admin.id] } });
    const { ticketMerge } = await world.asAgent.data<{ ticketMerge: TicketRow & { messages: { text: string }[] } }>(MERGE, {
      i: { sourceId: source.id, targetId: target.id },
    });
    expect(ticketMerge.id).toBe(target.id);
    expect(ticketMerge.messages.map((m) => m.text).sort()).toEqual(['Erste Nachricht', 'Zweite Nachricht']);
    const { ticket } = await world.asAgent.data<{ ticket: { watchers: { id: string }[]; customers: { id: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { watchers { id } customers { id } } }',
      { id: target.id },
    );
    expect(ticket.watchers.map((w) => w.id)).toContain(world.admin.id);
    expect(ticket.customers.map((c) => c.id)).toContain(customerCreate.id);
    const { ticket: pointer } = await world.asAgent.data<{ ticket: { status: { key: string }; mergedInto: { id: string }; policy: { update: boolean } } }>(
      'query ($id: ID!) { ticket(id: $id) { status { key } mergedInto { id } policy { update } } }',
      { id: source.id },
    );
    expect(pointer).toEqual({ status: { key: 'merged' }, mergedInto: { id: target.id }, policy: { update: false } });
    expect((await listTickets(world.asAgent)).edges.map((e) => e.node.id)).not.toContain(source.id);
  });

  it('refuses merging a ticket into itself, into a merged ticket, or a merged ticket again', async () => {
    const a = await createTicket(world.asAgent, world.sharedDepartmentId, 'A');
    const b = await createTicket(world.asAgent, world.sharedDepartmentId, 'B');
    const c = await createTicket(world.asAgent, world.sharedDepartmentId, 'C');
    expect((await world.asAgent.request(MERGE, { i: { sourceId: a.id, targetId: a.id } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'targetId',
    });
    await world.asAgent.data(MERGE, { i: { sourceId: a.id, targetId: b.id } });
    expect((await world.asAgent.request(MERGE, { i: { sourceId: c.id, targetId: a.id } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'targetId',
    });
    expect((await world.asAgent.request(MERGE, { i: { sourceId: a.id, targetId: c.id } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sourceId',
    });
    // b into a would close a loop (a points to b): refused because a is merged.
    expect((await world.asAgent.request(MERGE, { i: { sourceId: b.id, targetId: a.id } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('notes and live messages', () => {
  it('delivers a new note to everyone watching the ticket, and not to an agent without access', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Live note');
    const admin = wsClient(server.wsUrl, world.asAdmin.credentials, origin);
    const outsider = wsClient(server.wsUrl, world.asOutsider.credentials, origin);
    const query = `subscription { messageAdded(ticketId: "${ticket.id}") { ticketId message { text kind author { id } } } }`;
    const seen = collect<{ messageAdded: { message: { text: string; kind: string; author: { id: string } } } }>(admin, query);
    const hidden = collect(outsider, query);
    await collect(admin, '{ me { id } }').completed;
    await collect(outsider, '{ me { id } }').completed;
    await world.asAgent.data('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', {
      i: { ticketId: ticket.id, text: 'Rückruf vereinbart' },
    });
    await eventually(() => seen.events.length === 1, 'the admin to get the note');
    expect(seen.events[0]!.messageAdded.message).toEqual({ text: 'Rückruf vereinbart', kind: 'NOTE', author: { id: world.agent.id } });
    await sleep(200);
    expect(hidden.events).toEqual([]);
    await admin.dispose();
    await outsider.dispose();
  });
});

describe('presence', () => {
  it('tells a new subscriber at once who is already there', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Presence snapshot');
    await world.asAdmin.data('mutation ($i: TicketPresenceSetInput!) { ticketPresenceSet(input: $i) }', { i: { ticketId: ticket.id, state: 'VIEWING' } });
    const client = wsClient(server.wsUrl, world.asAgent.credentials, origin);
    const stream = collect<{ ticketPresence: { entries: { user: { id: string }; state: string }[] } }>(
      client,
      `subscription { ticketPresence(ticketId: "${ticket.id}") { entries { user { id } state } } }`,
    );
    await eventually(() => stream.events.length > 0, 'the first presence snapshot');
    expect(stream.events[0]!.ticketPresence.entries).toEqual([{ user: { id: world.admin.id }, state: 'VIEWING' }]);
    await client.dispose();
  });

  it('shows who else is viewing and typing', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Presence');
    const client = wsClient(server.wsUrl, world.asAgent.credentials, origin);
    const stream = collect<{ ticketPresence: { entries: { user: { id: string }; state: string }[] } }>(
      client,
      `subscription { ticketPresence(ticketId: "${ticket.id}") { entries { user { id } state } } }`,
    );
    await collect(client, '{ me { id } }').completed;
    const set = (who: Gql, state: string) =>
      who.data('mutation ($i: TicketPresenceSetInput!) { ticketPresenceSet(input: $i) }', { i: { ticketId: ticket.id, state } });
    await set(world.asAgent, 'VIEWING');
    await set(world.asAdmin, 'TYPING');
    await eventually(
      () => stream.events.some((e) => e.ticketPresence.entries.some((x) => x.user.id === world.admin.id && x.state === 'TYPING')),
      'the admin typing',
    );
    await set(world.asAdmin, 'LEFT');
    await eventually(() => stream.events.at(-1)?.ticketPresence.entries.every((x) => x.user.id !== world.admin.id) ?? false, 'the admin to leave');
    expect(
      await world.asOutsider.errorCode('mutation ($i: TicketPresenceSetInput!) { ticketPresenceSet(input: $i) }', {
        i: { ticketId: ticket.id, state: 'VIEWING' },
      }),
    ).toBe('NOT_FOUND');
    await client.dispose();
  });
});

describe('statuses admins add', () => {
  it('adds a status with labels and a category, usable on tickets, and only admins may', async () => {
    const { ticketStatusCreate: status } = await world.asAdmin.data<{ ticketStatusCreate: { id: string; key: string; category: string; isSystem: boolean } }>(
      'mutation { ticketStatusCreate(input: { labelDe: "Beim Lieferanten", labelEn: "At supplier", category: PENDING }) { id key category isSystem } }',
    );
    expect(status).toMatchObject({ key: 'custom_at_supplier', category: 'PENDING', isSystem: false });
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId);
    await world.asAgent.data(UPDATE, { i: { id: ticket.id, version: 1, statusId: status.id } });
    expect((await listTickets(world.asAgent, { statusCategories: ['PENDING'] })).edges.map((e) => e.node.id)).toContain(ticket.id);
    await world.asAdmin.data('mutation ($i: TicketStatusUpdateInput!) { ticketStatusUpdate(input: $i) { id } }', { i: { id: status.id, category: 'OPEN' } });
    expect((await listTickets(world.asAgent, { statusCategories: ['OPEN'] })).edges.map((e) => e.node.id)).toContain(ticket.id);
    expect(await world.asAgent.errorCode('mutation { ticketStatusCreate(input: { labelDe: "x", labelEn: "y", category: OPEN }) { id } }')).toBe('FORBIDDEN');
    const { ticketStatuses } = await world.asAdmin.data<{ ticketStatuses: { id: string; key: string }[] }>('{ ticketStatuses { id key } }');
    const system = ticketStatuses.find((s) => s.key === 'closed')!;
    expect(
      (
        await world.asAdmin.request('mutation ($i: TicketStatusUpdateInput!) { ticketStatusUpdate(input: $i) { id } }', {
          i: { id: system.id, category: 'OPEN' },
        })
      ).errors?.[0]?.extensions?.field,
    ).toBe('category');
  });
});
