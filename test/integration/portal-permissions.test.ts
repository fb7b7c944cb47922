import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { TicketLinkSigner } from '../../server/src/modules/portal/ticket-links.js';
import { PASSWORD, portalCustomerFactory, tenantFactory, worldFactory, type World } from '../helpers/factories.js';
import { collect, eventually, Gql, portalCookieOf, portalUrl, sleep, wsClient } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Who sees what in the customer portal, by every path: list, by id, by number, search, messages,
 * attachment download, reply, close, rate and the live subscription. The cast:
 * - customer A: alice (no right), bob (right "see and answer tickets");
 * - customer B: carol;
 * tickets: T1 alice's own, T2 bob's own (a colleague's ticket for alice), T3 customer B's ticket
 * with A assigned as further customer, T4 carol's own, T5 alice's ticket moved into an agent's
 * private department. T1 carries an internal note with a file and a public message with a file.
 */
const SECRET = 'test-secret-test-secret-test-secret-42';
let server: TestServer;
let world: World;
let base: string;
let alice: Gql;
let bob: Gql;
let carol: Gql;
let stranger: Gql;
const t: Record<'T1' | 'T2' | 'T3' | 'T4' | 'T5', { id: string; number: number }> = {} as never;
let noteFileId: string;
let publicFileId: string;
let noteText: string;

const CREATE = 'mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id number version } }';
const LIST = 'query ($f: PortalTicketFilter) { portalTickets(filter: $f, first: 100) { nodes { id number subject isOwn } hasNextPage } }';
const BY_ID = 'query ($id: ID) { portalTicket(id: $id) { id number } }';
const BY_NUMBER = 'query ($n: Int) { portalTicket(number: $n) { id number } }';
const MESSAGES = 'query ($id: ID!) { portalTicketMessages(ticketId: $id) { id bodyText fromCustomer attachments { id filename } } }';
const REPLY = 'mutation ($i: PortalTicketReplyInput!) { portalTicketReply(input: $i) { id } }';

async function upload(url: string, headers: Record<string, string>, name: string, body: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'x-tresen-upload': '1', 'x-filename': encodeURIComponent(name), 'content-type': 'text/plain', ...headers },
    body,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function download(as: Gql, id: string): Promise<number> {
  const response = await fetch(`${base}/portal/attachments/${id}`, { headers: { cookie: `tresen_portal=${as.credentials.portal ?? ''}` } });
  return response.status;
}

async function visibleNumbers(as: Gql, search?: string): Promise<number[]> {
  const { portalTickets } = await as.data<{ portalTickets: { nodes: { number: number }[] } }>(LIST, { f: search ? { search } : null });
  return portalTickets.nodes.map((n) => n.number).sort((a, b) => a - b);
}

beforeAll(async () => {
  server = await startTestServer();
  base = new URL(server.url).origin;
  world = await worldFactory(server.orm, server.url);
  const a = await portalCustomerFactory(server.orm, world.tenantId, [{ name: 'Alice' }, { name: 'Bob', sees: true }], 'Kunde A');
  const b = await portalCustomerFactory(server.orm, world.tenantId, [{ name: 'Carol', sees: true }], 'Kunde B');
  const create = async (subject: string, customerId: string, contactId: string) =>
    (
      await world.asAgent.data<{ ticketCreate: { id: string; number: number; version: number } }>(CREATE, {
        i: { subject, departmentId: world.sharedDepartmentId, text: `Anfrage ${subject}`, customerId, contactId },
      })
    ).ticketCreate;
  t.T1 = await create('Drucker Alice', a.id, a.contacts.Alice!.id);
  t.T2 = await create('Server Bob', a.id, a.contacts.Bob!.id);
  const t3 = await create('Gemeinsam B', b.id, b.contacts.Carol!.id);
  await world.asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
    i: { id: t3.id, version: t3.version, customerIds: [a.id] },
  });
  t.T3 = t3;
  t.T4 = await create('Nur Carol', b.id, b.contacts.Carol!.id);
  const t5 = await create('Privat Alice', a.id, a.contacts.Alice!.id);
  await world.asAgent.data('mutation ($i: TicketMoveInput!) { ticketMove(input: $i) { id } }', {
    i: { id: t5.id, departmentId: world.agent.privateDepartmentId },
  });
  t.T5 = t5;

  alice = await Gql.portalLogin(server.url, a.contacts.Alice!.email, PASSWORD);
  bob = await Gql.portalLogin(server.url, a.contacts.Bob!.email, PASSWORD);
  carol = await Gql.portalLogin(server.url, b.contacts.Carol!.email, PASSWORD);
  const otherTenant = await tenantFactory(server.orm);
  const s = await portalCustomerFactory(server.orm, otherTenant, [{ name: 'Sam', sees: true }]);
  stranger = await Gql.portalLogin(server.url, s.contacts.Sam!.email, PASSWORD);

  // An internal note with a file, and a public message (alice's answer) with a file, on T1.
  noteText = 'Intern: Kunde zahlt schlecht';
  noteFileId = await upload(`${base}/attachments`, { cookie: `tresen_session=${world.asAgent.credentials.cookie}` }, 'intern.txt', 'geheim');
  await world.asAgent.data('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', {
    i: { ticketId: t.T1.id, text: noteText, attachmentIds: [noteFileId] },
  });
  publicFileId = await upload(`${base}/portal/attachments`, { cookie: `tresen_portal=${alice.credentials.portal}` }, 'foto.txt', 'bild');
  await alice.data(REPLY, { i: { ticketId: t.T1.id, text: 'Hier ist das Foto.', attachmentIds: [publicFileId] } });
});
afterAll(async () => {
  await server?.close();
});

describe('portal visibility matrix', () => {
  it('lists exactly the tickets each contact may see', async () => {
    expect(await visibleNumbers(alice)).toEqual([t.T1.number]);
    expect(await visibleNumbers(bob)).toEqual([t.T1.number, t.T2.number, t.T3.number].sort((x, y) => x - y));
    expect(await visibleNumbers(carol)).toEqual([t.T3.number, t.T4.number].sort((x, y) => x - y));
    expect(await visibleNumbers(stranger)).toEqual([]);
  });

  it('pages through exactly the visible tickets in order, one at a time, by every way of access', async () => {
    for (const as of [alice, bob, carol]) {
      const seen: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        type Page = { portalTickets: { nodes: { number: number }[]; hasNextPage: boolean; endCursor: string | null } };
        const { portalTickets }: Page = await as.data<Page>(
          'query ($a: String) { portalTickets(first: 1, after: $a) { nodes { number } hasNextPage endCursor } }',
          { a: after },
        );
        seen.push(...portalTickets.nodes.map((n) => n.number));
        if (!portalTickets.hasNextPage) break;
        after = portalTickets.endCursor;
      }
      expect([...seen].sort((x, y) => x - y)).toEqual(await visibleNumbers(as));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it("keeps the assigned tickets' copy of the last activity equal to the ticket's through every change", async () => {
    const drift = async () =>
      (
        await sql<{ n: number }>(
          server.orm.em.fork(),
          'select count(*)::int as n from ticket_customers tc join tickets t on t.tenant_id = tc.tenant_id and t.id = tc.ticket_id where tc.last_activity_at is distinct from t.last_activity_at',
          [],
        )
      )[0]!.n;
    expect(await drift()).toBe(0);
    await carol.data(REPLY, { i: { ticketId: t.T3.id, text: 'Noch offen?' } });
    await world.asAgent.data('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', { i: { ticketId: t.T3.id, text: 'intern' } });
    const { ticket } = await world.asAgent.data<{ ticket: { version: number } }>('query ($id: ID!) { ticket(id: $id) { version } }', { id: t.T3.id });
    await world.asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
      i: { id: t.T3.id, version: ticket.version, subject: 'Gemeinsam B (neu)' },
    });
    // A further customer added later takes the ticket's activity at once.
    const { ticket: t4 } = await world.asAgent.data<{ ticket: { version: number } }>('query ($id: ID!) { ticket(id: $id) { version } }', { id: t.T4.id });
    const bobCustomer = (await bob.data<{ portalMe: { contactId: string } }>('{ portalMe { contactId } }')).portalMe.contactId;
    const customerA = (await sql<{ customer_id: string }>(server.orm.em.fork(), 'select customer_id from contacts where id = ?', [bobCustomer]))[0]!
      .customer_id;
    await world.asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
      i: { id: t.T4.id, version: t4.version, customerIds: [customerA] },
    });
    expect(await drift()).toBe(0);
    expect(await visibleNumbers(bob)).toContain(t.T4.number);
    const { ticket: t4again } = await world.asAgent.data<{ ticket: { version: number } }>('query ($id: ID!) { ticket(id: $id) { version } }', { id: t.T4.id });
    await world.asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
      i: { id: t.T4.id, version: t4again.version, customerIds: [] },
    });
    expect(await visibleNumbers(bob)).not.toContain(t.T4.number);
  });

  it('answers null by id and by number for every ticket out of reach', async () => {
    const cases: [Gql, keyof typeof t, boolean][] = [
      [alice, 'T1', true],
      [alice, 'T2', false],
      [alice, 'T3', false],
      [alice, 'T4', false],
      [alice, 'T5', false],
      [bob, 'T2', true],
      [bob, 'T3', true],
      [bob, 'T4', false],
      [bob, 'T5', false],
      [stranger, 'T1', false],
    ];
    for (const [as, key, visible] of cases) {
      const byId = await as.data<{ portalTicket: { id: string } | null }>(BY_ID, { id: t[key].id });
      const byNumber = await as.data<{ portalTicket: { id: string } | null }>(BY_NUMBER, { n: t[key].number });
      expect(byId.portalTicket?.id ?? null, `${key} by id`).toBe(visible ? t[key].id : null);
      expect(byNumber.portalTicket?.id ?? null, `${key} by number`).toBe(visible ? t[key].id : null);
    }
  });

  it('finds by search only what the contact may see, never by words of internal notes', async () => {
    expect(await visibleNumbers(alice, 'Server')).toEqual([]);
    expect(await visibleNumbers(bob, 'Server')).toEqual([t.T2.number]);
    expect(await visibleNumbers(alice, 'Privat')).toEqual([]);
    expect(await visibleNumbers(alice, `#${t.T2.number}`)).toEqual([]);
    expect(await visibleNumbers(alice, `#${t.T1.number}`)).toEqual([t.T1.number]);
    expect(await visibleNumbers(alice, 'Foto')).toEqual([t.T1.number]);
    expect(await visibleNumbers(alice, 'zahlt')).toEqual([]);
  });

  it('shows public messages with their files, never internal notes or their files', async () => {
    const { portalTicketMessages } = await alice.data<{ portalTicketMessages: { bodyText: string; attachments: { id: string }[] }[] }>(MESSAGES, {
      id: t.T1.id,
    });
    expect(portalTicketMessages.map((m) => m.bodyText)).toEqual(['Anfrage Drucker Alice', 'Hier ist das Foto.']);
    expect(portalTicketMessages.flatMap((m) => m.attachments.map((a) => a.id))).toEqual([publicFileId]);
    expect(await download(alice, publicFileId)).toBe(200);
    expect(await download(bob, publicFileId)).toBe(200);
    expect(await download(alice, noteFileId)).toBe(404);
    expect(await download(bob, noteFileId)).toBe(404);
    expect(await download(carol, publicFileId)).toBe(404);
    expect(await download(stranger, publicFileId)).toBe(404);
    const forAlice = await alice.data<{ portalTicketMessages: unknown[] }>(MESSAGES, { id: t.T2.id });
    expect(forAlice.portalTicketMessages).toEqual([]);
  });

  it('lets nobody answer, close or rate a ticket out of reach, and changes nothing', async () => {
    const before = await sql(server.orm.em.fork(), 'select count(*)::int as n from messages where ticket_id = any(?::uuid[])', [
      `{${t.T2.id},${t.T4.id},${t.T5.id}}`,
    ]);
    for (const [as, key] of [
      [alice, 'T2'],
      [alice, 'T5'],
      [bob, 'T4'],
      [stranger, 'T1'],
    ] as const) {
      expect(await as.errorCode(REPLY, { i: { ticketId: t[key].id, text: 'Hallo?' } })).toBe('NOT_FOUND');
      expect(await as.errorCode('mutation ($id: ID!) { portalTicketClose(ticketId: $id) { id } }', { id: t[key].id })).toBe('NOT_FOUND');
      expect(
        await as.errorCode('mutation ($i: PortalTicketRateInput!) { portalTicketRate(input: $i) { id } }', { i: { ticketId: t[key].id, good: true } }),
      ).toBe('NOT_FOUND');
    }
    const after = await sql(server.orm.em.fork(), 'select count(*)::int as n from messages where ticket_id = any(?::uuid[])', [
      `{${t.T2.id},${t.T4.id},${t.T5.id}}`,
    ]);
    expect(after).toEqual(before);
  });

  it('takes the right away at once', async () => {
    const bobId = (await bob.data<{ portalMe: { contactId: string } }>('{ portalMe { contactId } }')).portalMe.contactId;
    await world.asAdmin.data('mutation ($c: ID!) { contactPortalRights(contactId: $c, seesCustomerTickets: false) { id } }', { c: bobId });
    expect(await visibleNumbers(bob)).toEqual([t.T2.number]);
    await world.asAdmin.data('mutation ($c: ID!) { contactPortalRights(contactId: $c, seesCustomerTickets: true) { id } }', { c: bobId });
    expect(await visibleNumbers(bob)).toHaveLength(3);
  });

  it('keeps staff and portal apart: no staff operation for contacts, no portal operation for staff', async () => {
    expect(await alice.errorCode('{ tickets(first: 5) { totalCount } }')).toBe('FORBIDDEN');
    const staffOnPortal = new Gql(portalUrl(server.url), { cookie: world.asAdmin.credentials.cookie! });
    expect((await staffOnPortal.data<{ portalMe: unknown }>('{ portalMe { contactId } }')).portalMe).toBeNull();
    expect(await staffOnPortal.errorCode('{ portalTickets { hasNextPage } }')).toBe('UNAUTHENTICATED');
    // A portal session token in the console's cookie is nobody there.
    const portalOnStaff = new Gql(server.url, { cookie: alice.credentials.portal! });
    expect((await portalOnStaff.data<{ me: unknown }>('{ me { id } }')).me).toBeNull();
    expect(await world.asAdmin.errorCode('{ portalTickets { hasNextPage } }')).toBe('FORBIDDEN');
    expect(await world.asCustomer.errorCode('{ portalTickets { hasNextPage } }')).toBe('FORBIDDEN');
    expect(await new Gql(portalUrl(server.url), { bearer: world.readToken }).errorCode('{ portalTickets { hasNextPage } }')).toBe('UNAUTHENTICATED');
  });
});

describe('signed ticket links', () => {
  const signer = new TicketLinkSigner(SECRET);
  const OPEN = 'mutation ($t: String!) { portalTicketLinkOpen(token: $t) { ticketNumber me { onlyTicketNumber } } }';

  it('opens exactly that ticket without a password, and nothing else', async () => {
    const anonymous = new Gql(portalUrl(server.url));
    const result = await anonymous.request<{ portalTicketLinkOpen: { ticketNumber: number; me: { onlyTicketNumber: number } } }>(OPEN, {
      t: signer.create(world.tenantId, t.T2.id, 1),
    });
    expect(result.data?.portalTicketLinkOpen).toEqual({ ticketNumber: t.T2.number, me: { onlyTicketNumber: t.T2.number } });
    const linked = new Gql(portalUrl(server.url), { portal: portalCookieOf(result.setCookie)! });
    // Bob has the right to see T1 and T3, but a link session reaches T2 only.
    expect(await visibleNumbers(linked)).toEqual([t.T2.number]);
    expect((await linked.data<{ portalTicket: unknown }>(BY_ID, { id: t.T1.id })).portalTicket).toBeNull();
    expect(await linked.errorCode(REPLY, { i: { ticketId: t.T1.id, text: 'x' } })).toBe('NOT_FOUND');
    await linked.data(REPLY, { i: { ticketId: t.T2.id, text: 'Antwort über den Link' } });
    expect(
      await linked.errorCode('mutation ($i: PortalTicketCreateInput!) { portalTicketCreate(input: $i) { id } }', {
        i: { departmentId: world.sharedDepartmentId, subject: 's', text: 't' },
      }),
    ).toBe('FORBIDDEN');
  });

  it('gives a guessed, altered, expired or revoked link nothing', async () => {
    const anonymous = new Gql(portalUrl(server.url));
    const good = signer.create(world.tenantId, t.T4.id, 1);
    const altered = good.replace(t.T4.id, t.T1.id);
    const expired = signer.create(world.tenantId, t.T4.id, 1, new Date(Date.now() - 31 * 86_400_000));
    const foreign = new TicketLinkSigner('another-secret-another-secret-another-1').create(world.tenantId, t.T4.id, 1);
    for (const token of [altered, expired, foreign, 'x', `${world.tenantId}.${t.T4.id}.1.9999999999.${'0'.repeat(64)}`]) {
      const result = await anonymous.request(OPEN, { t: token });
      expect(result.errors?.[0]?.extensions?.code, token).toBe('NOT_FOUND');
      expect(portalCookieOf(result.setCookie)).toBeUndefined();
    }
    const REVOKE = 'mutation ($id: ID!) { ticketPortalLinksRevoke(ticketId: $id) }';
    expect(await world.asOutsider.errorCode(REVOKE, { id: t.T4.id })).toBe('NOT_FOUND');
    expect(await world.asReadToken.errorCode(REVOKE, { id: t.T4.id })).toBe('FORBIDDEN');
    expect(await anonymous.errorCode(REVOKE, { id: t.T4.id })).toBe('UNAUTHENTICATED');
    expect((await anonymous.request(OPEN, { t: good })).errors).toBeUndefined();
    await world.asAgent.data(REVOKE, { id: t.T4.id });
    expect(await anonymous.errorCode(OPEN, { t: good })).toBe('NOT_FOUND');
  });
});

describe('customer changes', () => {
  it('a reply makes the ticket "customer replied" and unread for the team', async () => {
    await alice.data(REPLY, { i: { ticketId: t.T1.id, text: 'Noch eine Frage' } });
    const { ticket } = await world.asAgent.data<{ ticket: { unread: boolean; status: { key: string }; messages: { text: string; kind: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { unread status { key } messages { text kind } } }',
      { id: t.T1.id },
    );
    expect(ticket.status.key).toBe('customer_replied');
    expect(ticket.unread).toBe(true);
    expect(ticket.messages.at(-1)).toEqual({ text: 'Noch eine Frage', kind: 'INBOUND' });
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const count = async () => (await sql<{ n: number }>(server.orm.em.fork(), 'select count(*)::int as n from messages where ticket_id = ?', [t.T1.id]))[0]!.n;
    const before = await count();
    const bad = await alice.request(REPLY, { i: { ticketId: t.T1.id, text: '   ' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const badFile = await alice.request(REPLY, { i: { ticketId: t.T1.id, text: 'mit Datei', attachmentIds: [noteFileId] } });
    expect(badFile.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
    expect(await alice.errorCode(REPLY, { i: { ticketId: 'not-an-id', text: 'x' } })).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('opens tickets in public departments only; the priority only where the department allows it', async () => {
    const CREATE_PORTAL = 'mutation ($i: PortalTicketCreateInput!) { portalTicketCreate(input: $i) { id number priority isOwn statusLabelEn } }';
    const { portalDepartments } = await alice.data<{ portalDepartments: { id: string }[] }>('{ portalDepartments { id } }');
    expect(portalDepartments.map((d) => d.id)).toEqual([world.sharedDepartmentId]);
    const created = await alice.data<{ portalTicketCreate: { priority: string; isOwn: boolean; statusLabelEn: string } }>(CREATE_PORTAL, {
      i: { departmentId: world.sharedDepartmentId, subject: 'Neu aus dem Portal', text: 'Bitte helfen', priority: 'URGENT' },
    });
    expect(created.portalTicketCreate).toMatchObject({ priority: 'NORMAL', isOwn: true, statusLabelEn: 'Received' });
    await world.asAdmin.data('mutation ($i: DepartmentUpdateInput!) { departmentUpdate(input: $i) { id } }', {
      i: { id: world.sharedDepartmentId, portalPriority: true },
    });
    const urgent = await alice.data<{ portalTicketCreate: { priority: string } }>(CREATE_PORTAL, {
      i: { departmentId: world.sharedDepartmentId, subject: 'Dringend', text: 'Sofort', priority: 'URGENT' },
    });
    expect(urgent.portalTicketCreate.priority).toBe('URGENT');
    const tickets = async () =>
      (await sql<{ n: number }>(server.orm.em.fork(), 'select count(*)::int as n from tickets where tenant_id = ?', [world.tenantId]))[0]!.n;
    const before = await tickets();
    for (const departmentId of [world.agent.privateDepartmentId, world.admin.privateDepartmentId, '00000000-0000-4000-8000-000000000000']) {
      const result = await alice.request(CREATE_PORTAL, { i: { departmentId, subject: 'Versuch', text: 'x' } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentId' });
    }
    expect(await tickets()).toBe(before);
  });

  it('closes and rates; the team sees the rating and the report counts it', async () => {
    const RATE = 'mutation ($i: PortalTicketRateInput!) { portalTicketRate(input: $i) { rating { good comment } canRate } }';
    const early = await alice.request(RATE, { i: { ticketId: t.T1.id, good: true } });
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const closed = await alice.data<{ portalTicketClose: { statusCategory: string; canRate: boolean } }>(
      'mutation ($id: ID!) { portalTicketClose(ticketId: $id) { statusCategory canRate } }',
      { id: t.T1.id },
    );
    expect(closed.portalTicketClose).toEqual({ statusCategory: 'CLOSED', canRate: true });
    expect(await alice.errorCode(RATE, { i: { ticketId: t.T1.id, good: true, comment: 'x'.repeat(2001) } })).toBe('BAD_USER_INPUT');
    const rated = await alice.data<{ portalTicketRate: { rating: { good: boolean; comment: string } } }>(RATE, {
      i: { ticketId: t.T1.id, good: true, comment: 'Schnell gelöst' },
    });
    expect(rated.portalTicketRate.rating).toEqual({ good: true, comment: 'Schnell gelöst' });
    const seen = await world.asAgent.data<{ ticket: { rating: { good: boolean; comment: string } } }>(
      'query ($id: ID!) { ticket(id: $id) { rating { good comment } } }',
      {
        id: t.T1.id,
      },
    );
    expect(seen.ticket.rating).toEqual({ good: true, comment: 'Schnell gelöst' });
    // In a list too (one batch for all tickets of the page), and only on the rated ticket.
    const { tickets } = await world.asAgent.data<{ tickets: { edges: { node: { id: string; rating: { good: boolean } | null } }[] } }>(
      '{ tickets(first: 100, filter: { statusCategories: [OPEN, PENDING, CLOSED] }) { edges { node { id rating { good } } } } }',
    );
    const ratedIds = tickets.edges.filter((e) => e.node.rating !== null).map((e) => e.node.id);
    expect(ratedIds).toEqual([t.T1.id]);
    const report = await world.asAdmin.data<{ ratingReport: { departments: { id: string; good: number; bad: number }[]; weeks: { good: number }[] } }>(
      '{ ratingReport(days: 30) { departments { id good bad } agents { id good bad } weeks { weekStart good bad } } }',
    );
    expect(report.ratingReport.departments).toEqual([{ id: world.sharedDepartmentId, good: 1, bad: 0 }]);
    expect(report.ratingReport.weeks.reduce((sum, w) => sum + w.good, 0)).toBe(1);
    expect(await world.asAgent.errorCode('{ ratingReport { weeks { good } } }')).toBe('FORBIDDEN');
    const otherAdmin = await worldFactory(server.orm, server.url);
    expect(
      (await otherAdmin.asAdmin.data<{ ratingReport: { departments: unknown[] } }>('{ ratingReport { departments { id } } }')).ratingReport.departments,
    ).toEqual([]);
  });
});

describe('live portal', () => {
  it("delivers an agent's answer and ticket changes, never an internal note, and nothing to others", async () => {
    const wsPortal = portalUrl(server.wsUrl);
    const SUB = 'subscription { portalTicketChanged { ticketId ticket { number } } }';
    const aliceWs = wsClient(wsPortal, { portal: alice.credentials.portal! }, base);
    const carolWs = wsClient(wsPortal, { portal: carol.credentials.portal! }, base);
    const strangerWs = wsClient(wsPortal, { portal: stranger.credentials.portal! }, base);
    const forAlice = collect<{ portalTicketChanged: { ticketId: string } }>(aliceWs, SUB);
    const forCarol = collect<{ portalTicketChanged: { ticketId: string } }>(carolWs, SUB);
    const forStranger = collect<{ portalTicketChanged: { ticketId: string } }>(strangerWs, SUB);
    await sleep(300);
    // An internal note on alice's ticket: no event for her.
    await world.asAgent.data('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', { i: { ticketId: t.T2.id, text: 'nur intern' } });
    const { ticket } = await world.asAgent.data<{ ticket: { version: number } }>('query ($id: ID!) { ticket(id: $id) { version } }', { id: t.T1.id });
    await world.asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
      i: { id: t.T1.id, version: ticket.version, customerNote: 'Wir melden uns morgen.' },
    });
    await eventually(() => forAlice.events.some((e) => e.portalTicketChanged.ticketId === t.T1.id), 'the change reaching alice');
    await sleep(500);
    expect(forAlice.events.every((e) => e.portalTicketChanged.ticketId === t.T1.id)).toBe(true);
    expect(forCarol.events).toEqual([]);
    expect(forStranger.events).toEqual([]);
    for (const s of [forAlice, forCarol, forStranger]) s.stop();
    await Promise.all([aliceWs.dispose(), carolWs.dispose(), strangerWs.dispose()]);
  });

  it('refuses a portal socket from a foreign origin', async () => {
    const foreign = wsClient(portalUrl(server.wsUrl), { portal: alice.credentials.portal! }, 'https://evil.example');
    const sub = collect(foreign, 'subscription { portalTicketChanged { ticketId } }');
    await sub.completed;
    expect(sub.events).toEqual([]);
    expect(sub.errors.length).toBeGreaterThan(0);
    await foreign.dispose();
  });
});

describe("an admin's view as the customer", () => {
  it('opens the portal read-only as that contact and records it', async () => {
    const aliceId = (await alice.data<{ portalMe: { contactId: string } }>('{ portalMe { contactId } }')).portalMe.contactId;
    expect(await world.asAgent.errorCode('mutation ($c: ID!) { contactPortalViewAs(contactId: $c) }', { c: aliceId })).toBe('FORBIDDEN');
    const { contactPortalViewAs: url } = await world.asAdmin.data<{ contactPortalViewAs: string }>(
      'mutation ($c: ID!) { contactPortalViewAs(contactId: $c) }',
      { c: aliceId },
    );
    expect(url).toMatch(/\/portal\/as\//);
    const token = url.split('/portal/as/')[1]!;
    const signIn = await new Gql(portalUrl(server.url)).request<{ portalMagicLinkSignIn: { readOnly: boolean; name: string } }>(
      'mutation ($t: String!) { portalMagicLinkSignIn(token: $t) { readOnly name } }',
      { t: token },
    );
    expect(signIn.data?.portalMagicLinkSignIn).toEqual({ readOnly: true, name: 'Alice' });
    const asAlice = new Gql(portalUrl(server.url), { portal: portalCookieOf(signIn.setCookie)! });
    expect(await visibleNumbers(asAlice)).toEqual(await visibleNumbers(alice));
    expect(await asAlice.errorCode(REPLY, { i: { ticketId: t.T1.id, text: 'als Admin' } })).toBe('FORBIDDEN');
    const audit = await sql<{ action: string; actor_user_id: string }>(
      server.orm.em.fork(),
      'select action, actor_user_id from audit_events where tenant_id = ?',
      [world.tenantId],
    );
    expect(audit).toEqual([{ action: 'portal.view_as_customer', actor_user_id: world.admin.id }]);
    // The link works once.
    expect(await new Gql(portalUrl(server.url)).errorCode('mutation ($t: String!) { portalMagicLinkSignIn(token: $t) { name } }', { t: token })).toBe(
      'BAD_USER_INPUT',
    );
  });
});
