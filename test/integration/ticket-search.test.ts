import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { departmentFactory, worldFactory, type World } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createTicket, listTickets } from '../helpers/tickets.js';

let server: TestServer;
let world: World;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  const { customerCreate } = await world.asAgent.data<{ customerCreate: { id: string } }>(
    'mutation { customerCreate(input: { name: "Bäckerei Sonnenschein", isCompany: true }) { id } }',
  );
  ids.customer = customerCreate.id;
  ids.invoice = (
    await createTicket(world.asAgent, world.sharedDepartmentId, 'Frage zur Rechnung', 'Die Rechnungen vom März sind doppelt gebucht.', {
      customerId: customerCreate.id,
      priority: 'URGENT',
    })
  ).id;
  ids.printer = (
    await createTicket(world.asAgent, world.sharedDepartmentId, 'Printer broken', 'The <b>printer</b> shows error E-42 & stops.', { priority: 'LOW' })
  ).id;
  ids.private = (await createTicket(world.asAdmin, world.admin.privateDepartmentId, 'Rechnung privat', 'Eine Rechnung nur für mich.')).id;
  await world.asAgent.data('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', {
    i: { ticketId: ids.printer, text: 'Toner bestellt bei Lieferant Zebra' },
  });
});
afterAll(() => server?.close());

const found = async (search: string, client = world.asAgent) => (await listTickets(client, { search })).edges.map((e) => e.node.id);

describe('full-text search', () => {
  it('finds German word forms through stemming (Rechnungen → Rechnung)', async () => {
    expect(await found('rechnungen')).toContain(ids.invoice);
    expect(await found('gebucht')).toContain(ids.invoice);
  });

  it('finds exact tokens through the simple configuration, and customer names', async () => {
    expect(await found('E-42')).toEqual([ids.printer]);
    expect(await found('Sonnenschein')).toEqual([ids.invoice]);
  });

  it('searches notes for staff and highlights the match, HTML-escaped', async () => {
    const { edges } = await listTickets(world.asAgent, { search: 'Zebra' });
    expect(edges.map((e) => e.node.id)).toEqual([ids.printer]);
    expect(edges[0]!.snippet).toContain('<mark>Zebra</mark>');
    const html = (await listTickets(world.asAgent, { search: 'printer' })).edges[0]!.snippet!;
    expect(html).toContain('<mark>printer</mark>');
    // PostgreSQL drops the tags from the headline and we escape the rest: only <mark> is markup.
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/<[a-z/]/i);
  });

  it('never returns tickets of departments the viewer may not see: private, other agents, other tenants', async () => {
    expect(await found('rechnung', world.asAdmin)).toEqual(expect.arrayContaining([ids.invoice, ids.private]));
    expect(await found('rechnung', world.asAgent)).not.toContain(ids.private);
    expect(await found('rechnung', world.asOutsider)).toEqual([]);
    const other = await worldFactory(server.orm, server.url);
    expect(await found('rechnung', other.asAdmin)).toEqual([]);
    const totals = await listTickets(world.asOutsider, { search: 'rechnung' });
    expect(totals.totalCount).toBe(0);
  });

  it.each(['"unbalanced', 'back\\slash', '& | ! ( ) : *', "'; drop table tickets; --", '\u0000nul', 'ü'.repeat(200)])(
    'takes %j without an error',
    async (search) => {
      const result = await world.asAgent.request('query ($s: String) { tickets(filter: { search: $s }) { totalCount } }', { s: search });
      expect(result.errors).toBeUndefined();
    },
  );

  it('rejects a 10 KB search with a clear field error, not an SQL error', async () => {
    const result = await world.asAgent.request('query ($s: String) { tickets(filter: { search: $s }) { totalCount } }', { s: 'x'.repeat(10_240) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect(result.errors?.[0]?.message).not.toMatch(/sql|syntax|relation|column/i);
  });
});

describe('filters, order and pages', () => {
  it('filters by priority, customer, handler and status category', async () => {
    expect((await listTickets(world.asAgent, { priorities: ['URGENT'] })).edges.map((e) => e.node.id)).toEqual([ids.invoice]);
    expect((await listTickets(world.asAgent, { customerId: ids.customer })).edges.map((e) => e.node.id)).toEqual([ids.invoice]);
    expect((await listTickets(world.asAgent, { statusCategories: ['CLOSED'] })).totalCount).toBe(0);
    expect((await listTickets(world.asAgent, { unassigned: true })).totalCount).toBe(2);
    expect((await listTickets(world.asAgent, { handlerIds: [world.agent.id] })).totalCount).toBe(0);
    expect((await listTickets(world.asAgent, { watchedByMe: true })).totalCount).toBe(0);
  });

  it('filters by creation time', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await listTickets(world.asAgent, { createdFrom: future })).totalCount).toBe(0);
    expect((await listTickets(world.asAgent, { createdTo: future })).totalCount).toBe(2);
  });

  it('pages with a cursor without repeating or skipping, and clamps first to 100', async () => {
    for (let i = 0; i < 5; i++) await createTicket(world.asAgent, world.sharedDepartmentId, `Page ${i}`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: { tickets: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await world.asAgent.data(
        'query ($after: String) { tickets(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...result.tickets.edges.map((e) => e.node.id));
      if (!result.tickets.pageInfo.hasNextPage) break;
      after = result.tickets.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    for (let i = 0; i < 100; i++) await createTicket(world.asAgent, world.sharedDepartmentId, `Bulk ${i}`);
    const big = await world.asAgent.data<{ tickets: { edges: unknown[]; totalCount: number } }>('{ tickets(first: 150) { totalCount edges { node { id } } } }');
    expect(big.tickets.totalCount).toBeGreaterThan(100);
    expect(big.tickets.edges).toHaveLength(100);
    // A huge page size is refused by the cost limit before anything runs.
    expect(await world.asAgent.errorCode('{ tickets(first: 100000) { edges { node { id } } } }')).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await world.asAgent.errorCode('{ tickets(after: "garbage!") { totalCount } }')).toBe('BAD_USER_INPUT');
  });

  it('pages through tickets whose activity lies in the same millisecond without skipping any', async () => {
    const department = await departmentFactory(server.orm, world.tenantId, 'Gleichzeitig');
    const times = ['2026-01-01 10:00:00.123456+00', '2026-01-01 10:00:00.123300+00', '2026-01-01 10:00:00.123100+00'];
    const made: string[] = [];
    for (const [i, at] of times.entries()) {
      const [row] = await sql<{ id: string }>(
        server.orm.em.fork(),
        `insert into tickets (id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, created_at, updated_at, last_activity_at)
         select gen_random_uuid(), tenant_id, 910000 + ?, 'Gleichzeitig', status_id, status_category, 1, ?, channel, ?, ?, ? from tickets where tenant_id = ? and id = ? returning id`,
        [i, department, at, at, at, world.tenantId, ids.invoice],
      );
      made.push(row!.id);
    }
    type Page = { tickets: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    for (const direction of ['DESC', 'ASC'] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const page: Page = await world.asAdmin.data<Page>(
          `query ($f: TicketFilter, $a: String) { tickets(filter: $f, orderBy: { field: LAST_ACTIVITY, direction: ${direction} }, first: 1, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { f: { departmentIds: [department] }, a: after },
        );
        seen.push(...page.tickets.edges.map((e) => e.node.id));
        if (!page.tickets.pageInfo.hasNextPage) break;
        after = page.tickets.pageInfo.endCursor;
      }
      expect(seen, direction).toEqual(direction === 'DESC' ? made : [...made].reverse());
    }
    // A forged cursor with a timestamp that is not one is refused, not passed to PostgreSQL.
    const forged = Buffer.from(JSON.stringify(['yesterday', made[0]])).toString('base64url');
    expect(await world.asAdmin.errorCode('query ($a: String) { tickets(after: $a) { totalCount } }', { a: forged })).toBe('BAD_USER_INPUT');
  });

  it('counts a big list up to 1,000 and says the count is a lower limit; smaller lists exactly', async () => {
    const department = await departmentFactory(server.orm, world.tenantId, 'Massenpost');
    // 1,002 tickets written directly (through the API this would take a minute), copies of one ticket.
    await sql(
      server.orm.em.fork(),
      `insert into tickets (id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, created_at, updated_at, last_activity_at)
       select gen_random_uuid(), tenant_id, 900000 + g, subject || ' ' || g, status_id, status_category, case when g <= 7 then 3 else 1 end, ?, channel, now(), now(), now()
         from tickets, generate_series(1, 1002) g where tenant_id = ? and id = ?`,
      [department, world.tenantId, ids.invoice],
    );
    const count = (filter: Record<string, unknown>) =>
      world.asAdmin.data<{ tickets: { totalCount: number; totalCountExact: boolean; edges: unknown[] } }>(
        'query ($f: TicketFilter) { tickets(filter: $f, first: 5) { totalCount totalCountExact edges { node { id } } } }',
        { f: filter },
      );
    expect((await count({ departmentIds: [department] })).tickets).toMatchObject({ totalCount: 1000, totalCountExact: false });
    expect((await count({ departmentIds: [department], priorities: ['URGENT'] })).tickets).toMatchObject({ totalCount: 7, totalCountExact: true });
    expect((await count({ departmentIds: [department] })).tickets.edges).toHaveLength(5);
    // Nobody else sees them, counted or not.
    expect(
      (
        await world.asAgent.data<{ tickets: { totalCount: number } }>('query ($f: TicketFilter) { tickets(filter: $f) { totalCount } }', {
          f: { departmentIds: [department] },
        })
      ).tickets.totalCount,
    ).toBe(0);
  });

  it('counts per department and status only what the viewer may see', async () => {
    const counts = async (client: typeof world.asAgent) =>
      (await client.data<{ ticketCounts: { departmentId: string; count: number }[] }>('{ ticketCounts { departmentId statusId count } }')).ticketCounts;
    expect((await counts(world.asAgent)).map((c) => c.departmentId)).not.toContain(world.admin.privateDepartmentId);
    expect((await counts(world.asAdmin)).find((c) => c.departmentId === world.admin.privateDepartmentId)?.count).toBe(1);
    expect(await counts(world.asOutsider)).toEqual([]);
  });

  it('treats unknown ids and other tenants’ tickets the same: null / not found', async () => {
    const other = await worldFactory(server.orm, server.url);
    const theirs = await createTicket(other.asAgent, other.sharedDepartmentId, 'Fremd');
    for (const id of [theirs.id, '00000000-0000-0000-0000-000000000000', 'not-an-id']) {
      expect((await world.asAdmin.data<{ ticket: unknown }>('query ($id: ID!) { ticket(id: $id) { id } }', { id })).ticket).toBeNull();
      expect(await world.asAdmin.errorCode('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id })).toBe('NOT_FOUND');
    }
    expect(
      (await world.asAdmin.data<{ ticketByNumber: unknown }>('query ($n: Int!) { ticketByNumber(number: $n) { id } }', { n: theirs.number + 100000 }))
        .ticketByNumber,
    ).toBeNull();
  });
});

describe('search of a word in very many messages', () => {
  it('ranks the newest matching tickets the viewer may see, with snippets and pages, and says the count is a lower limit', async () => {
    // 115,000 messages with one word: PostgreSQL's statistics then call it common (see searchPage).
    const hidden = await departmentFactory(server.orm, world.tenantId, 'Massensuche intern');
    const em = server.orm.em.fork();
    const copies = (department: string, from: number, count: number, newerBy: number) =>
      sql(
        em,
        `insert into tickets (id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, created_at, updated_at, last_activity_at)
         select gen_random_uuid(), tenant_id, ? + g, 'Massensuche ' || (? + g), status_id, status_category, 1, ?, channel, now(), now(), now() - make_interval(secs => 100000 - g - ?)
           from tickets, generate_series(1, ?) g where tenant_id = ? and id = ?`,
        [from, from, department, newerBy, count, world.tenantId, ids.invoice],
      );
    await copies(world.sharedDepartmentId, 700000, 400, 0);
    await copies(hidden, 710000, 100, 1000); // newer than all of the shared ones
    await copies(world.outsider.privateDepartmentId, 720000, 1, 0);
    await sql(
      em,
      `insert into messages (id, tenant_id, ticket_id, kind, body_text, created_at)
       select gen_random_uuid(), t.tenant_id, t.id, 'inbound', 'Das Zyxwort kommt in Nachricht ' || g || ' vor.', now()
         from tickets t, generate_series(1, 230) g where t.tenant_id = ? and t.subject like 'Massensuche %'`,
      [world.tenantId],
    );
    await sql(em, 'analyze messages');
    const newest = await sql<{ id: string; department_id: string }>(
      em,
      `select id, department_id from tickets where tenant_id = ? and subject like 'Massensuche %' order by last_activity_at desc, id desc`,
      [world.tenantId],
    );
    const newestShared = newest
      .filter((t) => t.department_id === world.sharedDepartmentId)
      .slice(0, 250)
      .map((t) => t.id);
    type Page = {
      tickets: {
        totalCount: number;
        totalCountExact: boolean;
        edges: { snippet: string | null; node: { id: string; department: { id: string } } }[];
        pageInfo: { endCursor: string };
      };
    };
    const search = (as: typeof world.asAgent, after: string | null = null) =>
      as.data<Page>(
        'query ($a: String) { tickets(filter: { search: "zyxwort" }, first: 25, after: $a) { totalCount totalCountExact edges { snippet node { id department { id } } } pageInfo { endCursor } } }',
        { a: after },
      );
    const first = await search(world.asAgent);
    expect(first.tickets).toMatchObject({ totalCount: 150, totalCountExact: false });
    expect(first.tickets.edges).toHaveLength(25);
    for (const edge of first.tickets.edges) {
      expect(newestShared).toContain(edge.node.id);
      expect(edge.snippet).toContain('<mark>Zyxwort</mark>');
    }
    const second = await search(world.asAgent, first.tickets.pageInfo.endCursor);
    const firstIds = new Set(first.tickets.edges.map((e) => e.node.id));
    expect(second.tickets.edges).toHaveLength(25);
    expect(second.tickets.edges.some((e) => firstIds.has(e.node.id))).toBe(false);
    // The admin also sees the newer tickets of the department the agent may not.
    const admin = await search(world.asAdmin);
    expect(admin.tickets.totalCount).toBe(150);
    expect(admin.tickets.edges.some((e) => e.node.department.id === hidden)).toBe(true);
    expect(first.tickets.edges.some((e) => e.node.department.id === hidden)).toBe(false);
    // Common word, but the newest tickets this viewer may see hold too few matches: the index answers, exactly.
    const outsider = await search(world.asOutsider);
    expect(outsider.tickets).toMatchObject({ totalCount: 1, totalCountExact: true });
    expect(outsider.tickets.edges.map((e) => e.node.department.id)).toEqual([world.outsider.privateDepartmentId]);
  });
});
