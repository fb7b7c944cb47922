import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/infra/logger.js';
import { sql } from '../../server/src/infra/sql.js';
import { MailImporter, type ImportMailbox, type ImportOutcome, type ServerMessage } from '../../server/src/modules/mail/import/mail-importer.js';
import { DEFAULT_MAIL_LIMITS } from '../../server/src/modules/mail/parsing/parse-mail.js';
import { MessageIdSigner } from '../../server/src/modules/mail/threading/message-ids.js';
import type { InboundMailBatch } from '../../server/src/realtime/topics.js';
import { collect, eventually, sleep, wsClient } from '../helpers/graphql.js';
import { departmentFactory, worldFactory, type World } from '../helpers/factories.js';
import { importMailbox, newMessageId, rawMail } from '../helpers/mail.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The importer writes a fetched batch in one transaction with a handful of statements. Whatever a
 * batch holds — replies to mail earlier in the same batch, one new sender twice, the same mail
 * twice, unreadable mail, our own mail, a reply that reopens a closed ticket, an auto-reply, the
 * same attachment twice — it must come out exactly as importing the mails one at a time does.
 */
const SECRET = 'test-secret-test-secret-test-secret-42';
const signer = new MessageIdSigner(SECRET);
const logger = createLogger({ logLevel: 'fatal' });

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

interface Setup {
  world: World;
  importer: MailImporter;
  mailbox: ImportMailbox;
}

async function setUp(): Promise<Setup> {
  const world = await worldFactory(server.orm, server.url);
  const importer = new MailImporter(server.orm.em.fork(), server.bus.pubSub, signer, DEFAULT_MAIL_LIMITS, logger);
  return { world, importer, mailbox: await importMailbox(world) };
}

/** A mail with a text part and the same small PNG attached inline (cid:) — identical content across mails. */
function mailWithImage(from: string, subject: string, messageId: string): string {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
  return [
    `From: ${from}`,
    'To: support@tresen.example',
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Siehe Bild:</p><img src="cid:bild1@customer.example">',
    '--b1',
    'Content-Type: image/png; name="bild.png"',
    'Content-Transfer-Encoding: base64',
    'Content-ID: <bild1@customer.example>',
    'Content-Disposition: inline; filename="bild.png"',
    '',
    png,
    '--b1--',
    '',
  ].join('\r\n');
}

/** The same mails for both tenants: ids are per tenant, so the same Message-IDs do not meet. */
function scenario() {
  const first = newMessageId();
  const closed = newMessageId();
  const before = rawMail({ messageId: closed, subject: 'Rechnung', from: 'Carl <carl@customer.example>' });
  const batch = [
    rawMail({ messageId: first, from: 'Alice Neu <alice@new.example>', subject: 'Drucker' }),
    rawMail({ inReplyTo: first, references: [first], from: 'Bob <bob@other.example>', cc: 'alice@new.example', subject: 'Re: Drucker' }),
    mailWithImage('ALICE@New.Example', 'Zweite Frage', newMessageId()),
    rawMail({ messageId: first, from: 'Alice Neu <alice@new.example>', subject: 'Drucker' }),
    'kein Mail-Kopf, nur Text ohne Zeilenende',
    rawMail({ from: 'support@tresen.example', subject: 'Unsere eigene Mail' }),
    rawMail({ inReplyTo: closed, from: 'Carl <carl@customer.example>', subject: 'Re: Rechnung' }),
    rawMail({ inReplyTo: first, from: 'alice@new.example', subject: 'Abwesend', headers: { 'Auto-Submitted': 'auto-replied' } }),
    mailWithImage('Dora <dora@new.example>', 'Gleiches Bild', newMessageId()),
  ];
  return { before, batch };
}

const asMessages = (raws: readonly string[], firstUid: number): ServerMessage[] =>
  raws.map((raw, i) => ({ uidValidity: 7, uid: firstUid + i, raw: Buffer.from(raw), receivedAt: new Date() }));

/** What the import made, without ids or times: comparable across tenants. */
async function snapshot(tenantId: string, outcomes: ImportOutcome[]) {
  const em = server.orm.em.fork();
  const tickets = await sql<{ id: string; subject: string; status: string; unread: boolean; customer_name: string | null; contact: string | null }>(
    em,
    `select t.id, t.subject, s.key as status, t.unread, t.customer_name, k.email as contact from tickets t
       join ticket_statuses s on s.id = t.status_id left join contacts k on k.id = t.contact_id where t.tenant_id = ? order by t.number`,
    [tenantId],
  );
  const ticketIndex = new Map(tickets.map((t, i) => [t.id, i]));
  const messages = await sql<{
    id: string;
    ticket_id: string;
    from_address: string | null;
    automatic_reason: string | null;
    body_html: string | null;
    contact: string | null;
  }>(
    em,
    `select m.id, m.ticket_id, m.from_address, m.automatic_reason, m.body_html, k.email as contact from messages m left join contacts k on k.id = m.author_contact_id
      where m.tenant_id = ? order by m.created_at, m.id`,
    [tenantId],
  );
  const attachments = await sql<{ message_id: string; filename: string; id: string }>(
    em,
    'select message_id, filename, id from attachments where tenant_id = ?',
    [tenantId],
  );
  const blobs = await sql<{ n: string }>(em, 'select count(*) as n from attachment_blobs where tenant_id = ?', [tenantId]);
  const history = await sql<{ ticket_id: string; field: string; old_value: string | null; new_value: string | null }>(
    em,
    'select ticket_id, field, old_value, new_value from ticket_history where tenant_id = ? order by at, field',
    [tenantId],
  );
  const inbound = await sql<{ uid: string; status: string; reason: string | null }>(
    em,
    'select uid, status, reason from inbound_mails where tenant_id = ? order by uid',
    [tenantId],
  );
  const contacts = await sql<{ email: string; customer: string }>(
    em,
    'select k.email, c.name as customer from contacts k join customers c on c.id = k.customer_id where k.tenant_id = ? order by k.email',
    [tenantId],
  );
  return {
    outcomes: outcomes.map((o) =>
      o.status === 'imported' ? { status: o.status, ticket: ticketIndex.get(o.ticketId), createdTicket: o.createdTicket } : { status: o.status },
    ),
    tickets: tickets.map(({ id: _id, ...t }) => t),
    messages: messages.map((m) => ({
      ticket: ticketIndex.get(m.ticket_id),
      from: m.from_address,
      contact: m.contact,
      automatic: m.automatic_reason !== null,
      html: m.body_html?.replace(/\/attachments\/[0-9a-f-]+/g, '/attachments/ID') ?? null,
      attachments: attachments.filter((a) => a.message_id === m.id).map((a) => a.filename),
      imageLinked: attachments.some((a) => a.message_id === m.id && m.body_html?.includes(`/attachments/${a.id}`)),
    })),
    blobs: Number(blobs[0]!.n),
    history: history.map((h) => ({ ticket: ticketIndex.get(h.ticket_id), field: h.field, old: h.old_value, new: h.new_value?.replace(/^#\d+$/, '#n') })),
    inbound: inbound.map((i) => ({ status: i.status, reason: i.reason?.replace(/UID \d+/, 'UID n') ?? null })),
    contacts,
  };
}

async function closeTicketOf(setup: Setup, outcome: ImportOutcome) {
  if (outcome.status !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(outcome)}`);
  await setup.world.asAdmin.data('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: outcome.ticketId });
}

describe('a batch of mails', () => {
  it('comes out exactly as importing its mails one at a time', async () => {
    const { before, batch } = scenario();
    const single = await setUp();
    const batched = await setUp();
    for (const setup of [single, batched]) await closeTicketOf(setup, await setup.importer.import(setup.mailbox, asMessages([before], 1)[0]!));

    const singleOutcomes: ImportOutcome[] = [];
    for (const message of asMessages(batch, 2)) singleOutcomes.push(await single.importer.import(single.mailbox, message));
    const batchOutcomes = await batched.importer.importBatch(batched.mailbox, asMessages(batch, 2));

    const expected = await snapshot(single.world.tenantId, singleOutcomes);
    expect(await snapshot(batched.world.tenantId, batchOutcomes)).toEqual(expected);

    // And what both made is what a helpdesk should make of these mails.
    expect(expected.outcomes).toEqual([
      { status: 'imported', ticket: 1, createdTicket: true },
      { status: 'imported', ticket: 1, createdTicket: false },
      { status: 'imported', ticket: 2, createdTicket: true },
      { status: 'duplicate' },
      { status: 'failed' },
      { status: 'ignored' },
      { status: 'imported', ticket: 0, createdTicket: false },
      { status: 'imported', ticket: 1, createdTicket: false },
      { status: 'imported', ticket: 3, createdTicket: true },
    ]);
    expect(expected.tickets.map((t) => [t.subject, t.status, t.contact])).toEqual([
      ['Rechnung', 'customer_replied', 'carl@customer.example'],
      ['Drucker', 'new', 'alice@new.example'],
      ['Zweite Frage', 'new', 'alice@new.example'],
      ['Gleiches Bild', 'new', 'dora@new.example'],
    ]);
    // One contact per sender, whatever the case of the address; the same picture stored once.
    expect(expected.contacts.map((c) => c.email)).toEqual(['alice@new.example', 'bob@other.example', 'carl@customer.example', 'dora@new.example']);
    expect(expected.blobs).toBe(1);
    expect(expected.messages.filter((m) => m.attachments.length > 0).every((m) => m.imageLinked)).toBe(true);
    // Closed by the agent, reopened once by Carl's reply; Alice's auto-reply reopens nothing.
    expect(expected.history.filter((h) => h.field === 'status')).toEqual([
      { ticket: 0, field: 'status', old: 'new', new: 'closed' },
      { ticket: 0, field: 'status', old: 'closed', new: 'customer_replied' },
    ]);
    expect(expected.inbound.map((i) => i.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'duplicate',
      'failed',
      'ignored',
      'imported',
      'imported',
      'imported',
    ]);
  });

  it('is idempotent: the same batch again changes nothing', async () => {
    const setup = await setUp();
    const { batch } = scenario();
    const first = await setup.importer.importBatch(setup.mailbox, asMessages(batch, 1));
    const again = await setup.importer.importBatch(setup.mailbox, asMessages(batch, 1));
    expect(again.every((o) => o.status === 'already')).toBe(true);
    expect(
      await snapshot(
        setup.world.tenantId,
        again.map((_, i) => first[i]!),
      ),
    ).toEqual(await snapshot(setup.world.tenantId, first));
    const rows = await sql<{ n: string }>(server.orm.em.fork(), 'select count(*) as n from inbound_mails where mailbox_id = ?', [setup.mailbox.id]);
    expect(Number(rows[0]!.n)).toBe(batch.length);
  });
});

describe('inboundMail for a batch', () => {
  it('delivers each receiver the mails of the batch they may see, in order, and nothing else', async () => {
    const setup = await setUp();
    const { world } = setup;
    // A ticket the agent cannot see: moved into a department the agent is not a member of.
    const otherId = await departmentFactory(server.orm, world.tenantId, `Intern ${Date.now()}`);
    const hiddenMailId = newMessageId();
    const hidden = await setup.importer.import(setup.mailbox, asMessages([rawMail({ messageId: hiddenMailId, subject: 'Vertraulich' })], 1)[0]!);
    if (hidden.status !== 'imported') throw new Error(`setup failed: ${JSON.stringify(hidden)}`);
    await world.asAdmin.data('mutation ($i: TicketMoveInput!) { ticketMove(input: $i) { id } }', { i: { id: hidden.ticketId, departmentId: otherId } });

    const query = 'subscription { inboundMail { createdTicket ticket { id subject } message { mailMessageId } } }';
    const origin = new URL(server.url).origin;
    const clients = [world.asAdmin, world.asAgent, world.asOutsider].map((gql) => wsClient(server.wsUrl, gql.credentials, origin));
    type Event = { inboundMail: { createdTicket: boolean; ticket: { subject: string }; message: { mailMessageId: string } } };
    const [admin, agent, outsider] = clients.map((client) => collect<Event>(client, query));
    // graphql-ws does not acknowledge a subscription: give the server a moment to set them up.
    await sleep(500);

    const batch = [rawMail({ subject: 'Neu eins' }), rawMail({ inReplyTo: hiddenMailId, subject: 'Re: Vertraulich' }), rawMail({ subject: 'Neu zwei' })];
    const published: InboundMailBatch[] = [];
    const listen = (async () => {
      for await (const event of server.bus.pubSub.subscribe('inboundMail', world.tenantId)) {
        published.push(event);
        if (published.length === 1) break;
      }
    })();
    await setup.importer.importBatch(setup.mailbox, asMessages(batch, 2));
    await listen;
    expect(published[0]!.mails).toHaveLength(3);

    const subjects = (events: Event[]) => events.map((e) => e.inboundMail.ticket.subject);
    await eventually(() => admin!.events.length >= 3, 'the admin gets all three');
    expect(subjects(admin!.events)).toEqual(['Neu eins', 'Vertraulich', 'Neu zwei']);
    await eventually(() => agent!.events.length >= 2, 'the agent gets the two they may see');
    expect(subjects(agent!.events)).toEqual(['Neu eins', 'Neu zwei']);
    expect(outsider!.events).toEqual([]);
    for (const c of [admin, agent, outsider]) {
      expect(c!.errors).toEqual([]);
      c!.stop();
    }
    for (const client of clients) await client.dispose();
  });
});
