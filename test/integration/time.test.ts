import { loadConfig } from '../../server/src/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { PASSWORD, staffFactory, worldFactory, type World } from '../helpers/factories.js';
import { collect, eventually, Gql, sleep, wsClient } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Time tracking, timers and billing through the GraphQL endpoint, against a real PostgreSQL. */
let server: TestServer;
let world: World;
let seniorId: string;
let customerA: string;
let customerB: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  const { userGroups } = await world.asAdmin.data<{ userGroups: { id: string; name: string }[] }>('{ userGroups { id name } }');
  const support = userGroups.find((g) => g.name === 'Ticket-Support')!.id;
  seniorId = (
    await world.asAdmin.data<{ userGroupCreate: { id: string } }>('mutation { userGroupCreate(input: { name: "Senior", hourlyRateCents: 12000 }) { id } }')
  ).userGroupCreate.id;
  const setGroups = 'mutation ($i: StaffUpdateInput!) { staffUpdate(input: $i) { id } }';
  // The agent's time is billed at the higher of their two groups; the admin's at Ticket-Support (95.00).
  await world.asAdmin.data(setGroups, { i: { id: world.agent.id, groupIds: [support, seniorId] } });
  await world.asAdmin.data(setGroups, { i: { id: world.admin.id, groupIds: [support] } });
  const customer = async (name: string) =>
    (
      await world.asAdmin.data<{ customerCreate: { id: string } }>('mutation ($n: String!) { customerCreate(input: { name: $n, isCompany: true }) { id } }', {
        n: name,
      })
    ).customerCreate.id;
  customerA = await customer('Muster GmbH');
  customerB = await customer('=Formel AG');
});
afterAll(async () => {
  await server?.close();
});

const ENTRY = 'id minutes date note billed version userId';
const create = (as: Gql, i: Record<string, unknown>) =>
  as.request<{ timeEntryCreate: { id: string; version: number } }>(`mutation ($i: TimeEntryCreateInput!) { timeEntryCreate(input: $i) { ${ENTRY} } }`, { i });

async function ticket(subject: string, options: { consent?: boolean; customerId?: string | null } = {}): Promise<{ id: string; number: number }> {
  const { ticketCreate } = await world.asAgent.data<{ ticketCreate: { id: string; number: number; version: number } }>(
    'mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id number version } }',
    {
      i: {
        subject,
        departmentId: world.sharedDepartmentId,
        text: 'Telefonat',
        channel: 'PHONE',
        customerId: options.customerId === undefined ? customerA : options.customerId,
      },
    },
  );
  if (options.consent ?? true)
    await world.asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
      i: { id: ticketCreate.id, version: ticketCreate.version, timeTrackingAllowed: true },
    });
  return ticketCreate;
}

const entryRows = (ticketId: string) =>
  sql<{ minutes: number; user_id: string; quote_id: string | null }>(
    server.orm.em.fork(),
    'select minutes, user_id, quote_id from time_entries where ticket_id = ? order by created_at',
    [ticketId],
  );

describe('time entries', () => {
  it('records time only with the customer’s consent, and says so', async () => {
    const without = await ticket('Ohne Zustimmung', { consent: false });
    const result = await create(world.asAgent, { ticketId: without.id, minutes: 15 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticketId' });
    expect(result.errors?.[0]?.message).toMatch(/not allowed time tracking/);
    expect(
      (await world.asAgent.request('mutation ($t: ID!) { timerStart(ticketId: $t) { ticketId } }', { t: without.id })).errors?.[0]?.extensions?.field,
    ).toBe('ticketId');
    expect(await entryRows(without.id)).toEqual([]);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const target = await ticket('Eingaben');
    for (const [patch, field] of [
      [{ minutes: 0 }, 'minutes'],
      [{ minutes: 1441 }, 'minutes'],
      [{ minutes: 2.5 }, 'minutes'],
      [{ minutes: 10, date: '2026-13-01' }, 'date'],
      [{ minutes: 10, date: '1.12.2026' }, 'date'],
      [{ minutes: 10, note: 'x'.repeat(2001) }, 'note'],
    ] as const) {
      const result = await create(world.asAgent, { ticketId: target.id, ...patch });
      const error = result.errors?.[0];
      // A fraction is refused by GraphQL's Int before any resolver runs.
      if (field === 'minutes' && patch.minutes === 2.5) expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      else expect(error?.extensions, JSON.stringify(patch)).toMatchObject({ field });
    }
    expect(await entryRows(target.id)).toEqual([]);
  });

  it('lets agents see and change their own entries, admins all, read tokens read, and nobody else anything', async () => {
    const target = await ticket('Rechte');
    const mine = (await create(world.asAgent, { ticketId: target.id, minutes: 30, note: 'Analyse', date: '2026-11-28' })).data!.timeEntryCreate;
    const admins = (await create(world.asAdmin, { ticketId: target.id, minutes: 10 })).data!.timeEntryCreate;
    const list = async (as: Gql) =>
      (await as.data<{ timeEntries: { id: string }[] }>('query ($t: ID!) { timeEntries(ticketId: $t) { id } }', { t: target.id })).timeEntries
        .map((e) => e.id)
        .sort();
    expect(await list(world.asAgent)).toEqual([mine.id]);
    expect(await list(world.asAdmin)).toEqual([mine.id, admins.id].sort());
    expect(await list(world.asReadToken)).toEqual([mine.id, admins.id].sort());
    const q = 'query ($t: ID!) { timeEntries(ticketId: $t) { id } }';
    expect(await world.asOutsider.errorCode(q, { t: target.id })).toBe('NOT_FOUND');
    expect(await world.asCustomer.errorCode(q, { t: target.id })).toBe('FORBIDDEN');
    const other = await worldFactory(server.orm, server.url);
    expect(await other.asAdmin.errorCode(q, { t: target.id })).toBe('NOT_FOUND');
    for (const as of [world.asReadToken, world.asWriteToken, world.asCustomer])
      expect((await create(as, { ticketId: target.id, minutes: 5 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const update = 'mutation ($i: TimeEntryUpdateInput!) { timeEntryUpdate(input: $i) { minutes version } }';
    expect(await world.asAgent.errorCode(update, { i: { id: admins.id, version: admins.version, minutes: 99 } })).toBe('NOT_FOUND');
    expect(await world.asAgent.errorCode('mutation ($id: ID!) { timeEntryDelete(id: $id) }', { id: admins.id })).toBe('NOT_FOUND');
    const changed = await world.asAgent.data<{ timeEntryUpdate: { minutes: number; version: number } }>(update, {
      i: { id: mine.id, version: mine.version, minutes: 45 },
    });
    expect(changed.timeEntryUpdate.minutes).toBe(45);
    expect(await world.asAgent.errorCode(update, { i: { id: mine.id, version: mine.version, minutes: 50 } })).toBe('CONFLICT');
    await world.asAdmin.data(update, { i: { id: mine.id, version: changed.timeEntryUpdate.version, minutes: 40 } });
    await world.asAdmin.data('mutation ($id: ID!) { timeEntryDelete(id: $id) }', { id: admins.id });
    expect((await entryRows(target.id)).map((r) => r.minutes)).toEqual([40]);
    const totals = await world.asAgent.data<{ ticket: { timeMinutes: number; unbilledMinutes: number } }>(
      'query ($id: ID!) { ticket(id: $id) { timeMinutes unbilledMinutes } }',
      {
        id: target.id,
      },
    );
    expect(totals.ticket).toEqual({ timeMinutes: 40, unbilledMinutes: 40 });
  });
});

describe('timers', () => {
  it('runs one timer per person: starting another stops the first; stopping records at least a minute', async () => {
    const first = await ticket('Timer eins');
    const second = await ticket('Timer zwei');
    const start = 'mutation ($t: ID!) { timerStart(ticketId: $t) { ticketId ticketNumber startedAt elapsedSeconds } }';
    const started = await world.asAgent.data<{ timerStart: { ticketId: string; startedAt: string } }>(start, { t: first.id });
    const again = await world.asAgent.data<{ timerStart: { startedAt: string } }>(start, { t: first.id });
    expect(again.timerStart.startedAt).toBe(started.timerStart.startedAt);
    const changes = collect<{ ticketChanged: { ticketId: string } }>(
      wsClient(server.wsUrl, world.asAdmin.credentials, new URL(server.url).origin),
      'subscription { ticketChanged { ticketId } }',
    );
    await sleep(300);
    await world.asAgent.data(start, { t: second.id });
    // The first ticket's time changed (its timer became an entry): consoles showing it hear so.
    await eventually(() => changes.events.some((e) => e.ticketChanged.ticketId === first.id), 'a ticketChanged for the ticket whose timer was stopped');
    changes.stop();
    const { timers } = await world.asAgent.data<{ timers: { ticketId: string }[] }>('{ timers { ticketId } }');
    expect(timers.map((t) => t.ticketId)).toEqual([second.id]);
    expect((await entryRows(first.id)).map((r) => r.minutes)).toEqual([1]);
    const stop = 'mutation ($t: ID!) { timerStop(ticketId: $t) { minutes date } }';
    expect(await world.asAgent.errorCode(stop, { t: first.id })).toBe('BAD_USER_INPUT');
    const stopped = await world.asAgent.data<{ timerStop: { minutes: number; date: string } }>(stop, { t: second.id });
    expect(stopped.timerStop.minutes).toBe(1);
    // Today where the team works (TRESEN_TIME_ZONE, Europe/Berlin by default), not in UTC: from 23:00
    // UTC on, Berlin is a day ahead.
    const berlinToday = new Intl.DateTimeFormat('en-CA', { timeZone: loadConfig({}).timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
    expect(stopped.timerStop.date).toBe(berlinToday);
    expect((await world.asAgent.data<{ timers: unknown[] }>('{ timers { ticketId } }')).timers).toEqual([]);
  });

  it('books a timer on the day it started in the configured time zone (Europe/Berlin), not in UTC', async () => {
    const target = await ticket('Kurz nach Mitternacht');
    await sql(server.orm.em.fork(), 'insert into timers (tenant_id, user_id, ticket_id, started_at) values (?, ?, ?, ?)', [
      world.tenantId,
      world.agent.id,
      target.id,
      '2026-11-28T23:30:00Z', // 00:30 on 29 November in Berlin, still 28 November in UTC
    ]);
    const stopped = await world.asAgent.data<{ timerStop: { date: string; minutes: number } }>(
      'mutation ($t: ID!) { timerStop(ticketId: $t) { date minutes } }',
      {
        t: target.id,
      },
    );
    expect(stopped.timerStop.date).toBe('2026-11-29');
    const expected = Math.min(1440, Math.round((Date.now() - Date.parse('2026-11-28T23:30:00Z')) / 60_000));
    expect(Math.abs(stopped.timerStop.minutes - expected)).toBeLessThanOrEqual(1);
  });

  it('keeps one timer under concurrent starts, and records one entry under concurrent stops', async () => {
    const tickets = await Promise.all([ticket('Parallel A'), ticket('Parallel B')]);
    const start = 'mutation ($t: ID!) { timerStart(ticketId: $t) { ticketId } }';
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => world.asAdmin.request(start, { t: tickets[i % 2]!.id })));
    expect(results.filter((r) => r.errors).map((r) => JSON.stringify(r.errors))).toEqual([]);
    const rows = await sql(server.orm.em.fork(), 'select ticket_id from timers where tenant_id = ? and user_id = ?', [world.tenantId, world.admin.id]);
    expect(rows).toHaveLength(1);
    const running = (rows[0] as { ticket_id: string }).ticket_id;
    const stops = await Promise.all(
      Array.from({ length: 5 }, () => world.asAdmin.request('mutation ($t: ID!) { timerStop(ticketId: $t) { id } }', { t: running })),
    );
    expect(stops.filter((r) => !r.errors)).toHaveLength(1);
    expect(stops.filter((r) => r.errors).every((r) => r.errors![0]!.extensions?.field === 'ticketId')).toBe(true);
  });

  it('survives a server restart: the start time lives in the database', async () => {
    const target = await ticket('Neustart');
    const { timerStart } = await world.asAgent.data<{ timerStart: { startedAt: string } }>('mutation ($t: ID!) { timerStart(ticketId: $t) { startedAt } }', {
      t: target.id,
    });
    const other = await startTestServer();
    try {
      const agent = new Gql(other.url, world.asAgent.credentials);
      await server.close();
      server = other;
      const { timers } = await agent.data<{ timers: { ticketId: string; startedAt: string; elapsedSeconds: number }[] }>(
        '{ timers { ticketId startedAt elapsedSeconds } }',
      );
      expect(timers).toEqual([{ ticketId: target.id, startedAt: timerStart.startedAt, elapsedSeconds: expect.any(Number) as unknown }]);
      const entry = await agent.data<{ timerStop: { minutes: number } }>('mutation ($t: ID!) { timerStop(ticketId: $t) { minutes } }', { t: target.id });
      expect(entry.timerStop.minutes).toBe(1);
    } finally {
      if (server !== other) await other.close();
    }
    world = {
      ...world,
      asAdmin: rebase(world.asAdmin),
      asAgent: rebase(world.asAgent),
      asOutsider: rebase(world.asOutsider),
      asReadToken: rebase(world.asReadToken),
      asCustomer: rebase(world.asCustomer),
      asWriteToken: rebase(world.asWriteToken),
    };
  });

  it('ticks live, from the stored start, to everyone who may see the ticket and to no one else', async () => {
    const target = await ticket('Live-Timer');
    const origin = new URL(server.url).origin;
    const watch = (as: Gql) =>
      collect<{ timerTick: { kind: string; userId: string; elapsedSeconds: number; startedAt: string } }>(
        wsClient(server.wsUrl, as.credentials, origin),
        `subscription { timerTick(ticketId: "${target.id}") { kind userId elapsedSeconds startedAt } }`,
      );
    const admin = watch(world.asAdmin);
    const agent = watch(world.asAgent);
    const outsider = watch(world.asOutsider);
    await sleep(300);
    await world.asAgent.data('mutation ($t: ID!) { timerStart(ticketId: $t) { ticketId } }', { t: target.id });
    await eventually(() => admin.events.filter((e) => e.timerTick.kind === 'TICK').length >= 2, 'two ticks at the admin', 5000);
    const ticks = admin.events.filter((e) => e.timerTick.kind === 'TICK').map((e) => e.timerTick.elapsedSeconds);
    expect(ticks[1]! - ticks[0]!).toBe(1);
    expect(admin.events[0]!.timerTick).toMatchObject({ kind: 'STARTED', userId: world.agent.id });
    await eventually(() => agent.events.some((e) => e.timerTick.kind === 'TICK'), 'a tick at the agent');
    expect(new Set([...admin.events, ...agent.events].map((e) => e.timerTick.startedAt)).size).toBe(1);
    await world.asAgent.data('mutation ($t: ID!) { timerStop(ticketId: $t) { id } }', { t: target.id });
    await eventually(() => admin.events.some((e) => e.timerTick.kind === 'STOPPED'), 'the stop at the admin');
    const afterStop = admin.events.length;
    await sleep(1500);
    expect(admin.events.length).toBe(afterStop);
    expect(outsider.events).toEqual([]);
    for (const s of [admin, agent, outsider]) s.stop();
  });
});

describe('timer ticks on the direct path', () => {
  it('answers exactly as graphql-js does, and still checks roles and access when subscribing', async () => {
    const target = await ticket('Gleiche Antwort');
    const origin = new URL(server.url).origin;
    const selection = '__typename kind ticketId userId userName startedAt elapsedSeconds seconds: elapsedSeconds';
    type Tick = { timerTick: { kind: string; elapsedSeconds: number; __typename: string } };
    // A plain selection takes the direct path; a fragment takes graphql-js's execute for every event.
    const direct = collect<Tick>(
      wsClient(server.wsUrl, world.asAdmin.credentials, origin),
      `subscription { timerTick(ticketId: "${target.id}") { ${selection} } }`,
    );
    const executed = collect<Tick>(
      wsClient(server.wsUrl, world.asAdmin.credentials, origin),
      `subscription { timerTick(ticketId: "${target.id}") { ...T } } fragment T on TimerTick { ${selection} }`,
    );
    const customer = collect<Tick>(
      wsClient(server.wsUrl, world.asCustomer.credentials, origin),
      `subscription { timerTick(ticketId: "${target.id}") { kind } }`,
    );
    const outsider = collect<Tick>(
      wsClient(server.wsUrl, world.asOutsider.credentials, origin),
      `subscription { timerTick(ticketId: "${target.id}") { kind } }`,
    );
    await sleep(300);
    await world.asAgent.data('mutation ($t: ID!) { timerStart(ticketId: $t) { ticketId } }', { t: target.id });
    await eventually(() => direct.events.filter((e) => e.timerTick.kind === 'TICK').length >= 2, 'two ticks on the direct path', 5000);
    await eventually(() => executed.events.filter((e) => e.timerTick.kind === 'TICK').length >= 2, 'two ticks on the executed path', 5000);
    await world.asAgent.data('mutation ($t: ID!) { timerStop(ticketId: $t) { id } }', { t: target.id });
    await eventually(() => direct.events.some((e) => e.timerTick.kind === 'STOPPED'), 'the stop on the direct path');
    await eventually(() => executed.events.some((e) => e.timerTick.kind === 'STOPPED'), 'the stop on the executed path');
    // Both came from the same ticks (one interval for all subscribers), so they are equal event for event.
    expect(direct.events.length).toBeGreaterThanOrEqual(4);
    expect(direct.events).toEqual(executed.events);
    expect(direct.events[0]!.timerTick).toMatchObject({ __typename: 'TimerTick', kind: 'STARTED', ticketId: target.id, userId: world.agent.id });
    expect(direct.errors).toEqual([]);
    // Customers may not subscribe at all (the roles check runs when subscribing), strangers get nothing.
    await customer.completed;
    expect(JSON.stringify(customer.errors)).toContain('FORBIDDEN');
    expect(customer.events).toEqual([]);
    expect(outsider.events).toEqual([]);
    for (const s of [direct, executed, customer, outsider]) s.stop();
  });
});

describe('timer ticks and access', () => {
  it('stops ticking to an agent once the ticket moves out of their reach', async () => {
    const target = await ticket('Wandert weg');
    const watched = collect<{ timerTick: { kind: string } }>(
      wsClient(server.wsUrl, world.asAgent.credentials, new URL(server.url).origin),
      `subscription { timerTick(ticketId: "${target.id}") { kind } }`,
    );
    await sleep(300);
    await world.asAdmin.data('mutation ($t: ID!) { timerStart(ticketId: $t) { ticketId } }', { t: target.id });
    await eventually(() => watched.events.some((e) => e.timerTick.kind === 'TICK'), 'a tick at the agent');
    const { departmentCreate } = await world.asAdmin.data<{ departmentCreate: { id: string } }>(
      'mutation { departmentCreate(input: { name: "Nur Admins" }) { id } }',
    );
    await world.asAdmin.data('mutation ($id: ID!, $d: ID!) { ticketMove(input: { id: $id, departmentId: $d }) { id } }', {
      id: target.id,
      d: departmentCreate.id,
    });
    await sleep(1500);
    const seen = watched.events.length;
    await sleep(2500);
    expect(watched.events.length).toBe(seen);
    await world.asAdmin.data('mutation ($t: ID!) { timerStop(ticketId: $t) { id } }', { t: target.id });
    watched.stop();
  });
});

describe('billing', () => {
  it('bills unbilled time as one quote per customer, a line per ticket and group, exact to the cent, and marks exactly that time billed', async () => {
    const a1 = await ticket('Server A1');
    const a2 = await ticket('Server A2');
    const b1 = await ticket('=HYPERLINK("http://evil.example")', { customerId: customerB });
    await create(world.asAgent, { ticketId: a1.id, minutes: 20 }); // Senior 120.00/h → 40.00
    await create(world.asAgent, { ticketId: a1.id, minutes: 25 }); // together 45 min → 90.00
    await create(world.asAdmin, { ticketId: a1.id, minutes: 7 }); // Ticket-Support 95.00/h → 11.08
    await create(world.asAdmin, { ticketId: a2.id, minutes: 1 }); // → 1.58
    await create(world.asAgent, { ticketId: b1.id, minutes: 50 }); // → 100.00
    const unbilled = async () =>
      (
        await world.asAdmin.data<{ tickets: { edges: { node: { id: string } }[] } }>(
          '{ tickets(filter: { unbilledTime: true }, first: 100) { edges { node { id } } } }',
        )
      ).tickets.edges.map((e) => e.node.id);
    expect(await unbilled()).toEqual(expect.arrayContaining([a1.id, a2.id, b1.id]));
    const bill =
      'mutation ($t: [ID!]!) { timeBill(ticketIds: $t) { id number customerId customerName status totalCents csvUrl lines { ticketNumber groupName minutes hours rateCents amountCents } } }';
    expect(await world.asAgent.errorCode(bill, { t: [a1.id] })).toBe('FORBIDDEN');
    const { timeBill } = await world.asAdmin.data<{
      timeBill: {
        id: string;
        customerId: string;
        status: string;
        totalCents: number;
        csvUrl: string;
        lines: { ticketNumber: number; groupName: string; minutes: number; hours: string; rateCents: number; amountCents: number }[];
      }[];
    }>(bill, { t: [a1.id, a2.id, b1.id] });
    expect(timeBill).toHaveLength(2);
    const quoteA = timeBill.find((q) => q.customerId === customerA)!;
    expect(quoteA.status).toBe('DRAFT');
    expect(quoteA.lines).toEqual([
      { ticketNumber: a1.number, groupName: 'Senior', minutes: 45, hours: '0.75', rateCents: 12000, amountCents: 9000 },
      { ticketNumber: a1.number, groupName: 'Ticket-Support', minutes: 7, hours: '0.12', rateCents: 9500, amountCents: 1108 },
      { ticketNumber: a2.number, groupName: 'Ticket-Support', minutes: 1, hours: '0.02', rateCents: 9500, amountCents: 158 },
    ]);
    expect(quoteA.totalCents).toBe(9000 + 1108 + 158);
    expect(timeBill.find((q) => q.customerId === customerB)!.totalCents).toBe(10000);
    expect(await unbilled()).not.toEqual(expect.arrayContaining([a1.id]));
    expect((await entryRows(a1.id)).every((r) => r.quote_id === quoteA.id)).toBe(true);
    expect(await world.asAdmin.errorCode(bill, { t: [a1.id] })).toBe('BAD_USER_INPUT');
    const [billedEntry] = (
      await world.asAgent.data<{ timeEntries: { id: string; version: number; billed: boolean }[] }>(
        'query ($t: ID!) { timeEntries(ticketId: $t) { id version billed } }',
        { t: a1.id },
      )
    ).timeEntries;
    expect(billedEntry!.billed).toBe(true);
    expect(
      await world.asAgent.errorCode('mutation ($i: TimeEntryUpdateInput!) { timeEntryUpdate(input: $i) { id } }', {
        i: { id: billedEntry!.id, version: billedEntry!.version, minutes: 1 },
      }),
    ).toBe('BAD_USER_INPUT');

    // CSV: a download for admins only, every cell quoted, formulas neutralized.
    const quoteB = timeBill.find((q) => q.customerId === customerB)!;
    const download = (cookie: string) => fetch(new URL(quoteB.csvUrl, server.url), { headers: { cookie: `tresen_session=${cookie}` } });
    expect((await download(world.asAgent.credentials.cookie!)).status).toBe(401);
    const csv = await download(world.asAdmin.credentials.cookie!);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?quote-\d+\.csv"?$/);
    const text = await csv.text();
    expect(text).toContain(`"'=Formel AG"`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain('"100.00","EUR"');
    expect(text).not.toMatch(/(^|,)"?=/m);

    // Status: draft → sent → accepted, which is final.
    const status = 'mutation ($i: QuoteStatusUpdateInput!) { quoteUpdateStatus(input: $i) { status version } }';
    const { quote } = await world.asAdmin.data<{ quote: { version: number } }>('query ($id: ID!) { quote(id: $id) { version } }', { id: quoteA.id });
    const sent = await world.asAdmin.data<{ quoteUpdateStatus: { status: string; version: number } }>(status, {
      i: { id: quoteA.id, version: quote.version, status: 'SENT' },
    });
    const accepted = await world.asAdmin.data<{ quoteUpdateStatus: { version: number } }>(status, {
      i: { id: quoteA.id, version: sent.quoteUpdateStatus.version, status: 'ACCEPTED' },
    });
    expect(await world.asAdmin.errorCode(status, { i: { id: quoteA.id, version: accepted.quoteUpdateStatus.version, status: 'DRAFT' } })).toBe(
      'BAD_USER_INPUT',
    );
    const other = await worldFactory(server.orm, server.url);
    expect(await other.asAdmin.errorCode(bill, { t: [b1.id] })).toBe('NOT_FOUND');
    expect((await other.asAdmin.data<{ quote: unknown }>('query ($id: ID!) { quote(id: $id) { id } }', { id: quoteA.id })).quote).toBeNull();
    expect((await other.asAdmin.data<{ quotes: unknown[] }>('{ quotes { id } }')).quotes).toEqual([]);
  });

  it('bills a ticket once when two admins bill it at the same moment, and refuses tickets without a customer', async () => {
    const target = await ticket('Doppelt abrechnen');
    for (let i = 0; i < 5; i++) await create(world.asAgent, { ticketId: target.id, minutes: 10 });
    const second = await staffFactory(server.orm, world.tenantId, 'admin');
    const secondAdmin = await Gql.login(server.url, second.email, PASSWORD);
    const bill = 'mutation ($t: [ID!]!) { timeBill(ticketIds: $t) { id totalCents } }';
    const results = await Promise.all([world.asAdmin.request(bill, { t: [target.id] }), secondAdmin.request(bill, { t: [target.id] })]);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.message).toMatch(/no unbilled time/);
    const lines = await sql<{ minutes: number }>(server.orm.em.fork(), 'select minutes from quote_lines where ticket_id = ?', [target.id]);
    expect(lines.reduce((s, l) => s + l.minutes, 0)).toBe(50);
    const orphan = await ticket('Ohne Kunde', { customerId: null });
    await create(world.asAgent, { ticketId: orphan.id, minutes: 5 });
    const refused = await world.asAdmin.request(bill, { t: [orphan.id] });
    expect(refused.errors?.[0]?.message).toMatch(new RegExp(`#${orphan.number}.*no customer|no customer.*#${orphan.number}`));
    expect((await entryRows(orphan.id))[0]!.quote_id).toBeNull();
  });
});

function rebase(as: Gql): Gql {
  return new Gql(server.url, as.credentials);
}
