import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { UNREADABLE_PASSWORD } from '../../server/src/modules/mail/imap/mail-worker.js';
import { SecretBox } from '../../server/src/shared/secret-box.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { collect, eventually, type Gql, sleep, wsClient } from '../helpers/graphql.js';
import { newMessageId, rawMail } from '../helpers/mail.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Mail in, end to end: a real Dovecot, a real server with its mail worker, GraphQL and WebSocket
 * clients. Worker timings are shortened so takeovers and polls happen within seconds.
 */
const tenants = new Set<string>();
const workerTiming = {
  leaseSeconds: 3,
  scanSeconds: 0.5,
  pollSeconds: 1,
  safetySeconds: 30,
  backoffSeconds: 0.2,
  maxBackoffSeconds: 1,
  acceptTenant: (id: string) => tenants.has(id),
};

let dovecot: Dovecot;
let plainDovecot: Dovecot;
let server: TestServer;
let world: World;

beforeAll(async () => {
  [dovecot, plainDovecot] = await Promise.all([startDovecot(), startDovecot({ idle: false })]);
  server = await startTestServer({ mailWorker: workerTiming });
  world = await worldFactory(server.orm, server.url);
  tenants.add(world.tenantId);
});
afterAll(async () => {
  await server?.close();
  await Promise.all([dovecot?.stop(), plainDovecot?.stop()]);
});

/** IMAP passwords of the accounts made here, by user. */
const PASSWORDS = new Map<string, string>();
const MAILBOX_FIELDS = 'id address version state { connection importedToday failedCount lastError }';

async function createMailbox(
  as: Gql,
  departmentId: string,
  imap: Dovecot,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; address: string; user: string }> {
  const account = await imap.createUser();
  const address = `${account.user}@tresen.example`.toLowerCase();
  const { mailboxCreate } = await as.data<{ mailboxCreate: { id: string } }>(
    `mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { ${MAILBOX_FIELDS} } }`,
    {
      i: { address, departmentId, host: imap.host, port: imap.port, security: 'NONE', user: account.user, password: account.password, ...extra },
    },
  );
  PASSWORDS.set(account.user, account.password);
  return { id: mailboxCreate.id, address, user: account.user };
}

async function ticketsOf(tenantId: string) {
  return sql<{ id: string; number: number; subject: string; channel: string; customer_id: string | null; unread: boolean; status: string }>(
    server.orm.em.fork(),
    'select t.id, t.number, t.subject, t.channel, t.customer_id, t.unread, s.key as status from tickets t join ticket_statuses s on s.id = t.status_id where t.tenant_id = ? order by t.number',
    [tenantId],
  );
}

async function inbound(mailboxId: string) {
  return sql<{ uid: string; status: string; ticket_id: string | null; reason: string | null }>(
    server.orm.em.fork(),
    'select uid, status, ticket_id, reason from inbound_mails where mailbox_id = ? order by uid_validity, uid',
    [mailboxId],
  );
}

async function waitFor<T>(load: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await load();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

describe('IMAP import', () => {
  it('delivers a new mail through IDLE as a ticket, live to agents who may see it and to no one else', async () => {
    const origin = new URL(server.url).origin;
    const subscribe = (credentials: Gql['credentials']) => {
      const client = wsClient(server.wsUrl, credentials, origin);
      return collect<{
        inboundMail: { createdTicket: boolean; ticket: { id: string; subject: string; unread: boolean }; message: { from: string; text: string } };
      }>(client, 'subscription { inboundMail { createdTicket ticket { id subject unread } message { from text } } }');
    };
    const agent = subscribe(world.asAgent.credentials);
    const outsider = subscribe(world.asOutsider.credentials);
    const other = await worldFactory(server.orm, server.url);
    const stranger = subscribe(other.asAdmin.credentials);
    // The admin page's live view: every event must carry the state as it is now, not as it was at the first event.
    const adminPage = collect<{ mailboxChanged: { mailboxId: string; mailbox: { state: { connection: string; importedToday: number } } | null } }>(
      wsClient(server.wsUrl, world.asAdmin.credentials, origin),
      'subscription { mailboxChanged { mailboxId mailbox { state { connection importedToday } } } }',
    );
    await sleep(200);
    const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, dovecot);
    await waitFor(
      () => world.asAdmin.data<{ mailboxes: { id: string; state: { connection: string } }[] }>(`{ mailboxes { id state { connection } } }`),
      (r) => r.mailboxes.find((m) => m.id === mailbox.id)?.state.connection === 'IDLE',
      'the mailbox to be connected in IDLE',
    );
    await sleep(300);
    await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'Drucker kaputt', from: 'Erika Mustermann <Erika@Customer.Example>' }));
    await eventually(
      () => adminPage.events.some((e) => e.mailboxChanged.mailboxId === mailbox.id && e.mailboxChanged.mailbox?.state.importedToday === 1),
      'a mailboxChanged event with the import counted',
      5000,
    );
    expect(adminPage.events.filter((e) => e.mailboxChanged.mailboxId === mailbox.id).map((e) => e.mailboxChanged.mailbox?.state.connection)).toContain('IDLE');
    adminPage.stop();
    await eventually(() => agent.events.length === 1, 'the agent to get the inbound mail event', 5000);
    const event = agent.events[0]!.inboundMail;
    expect(event.createdTicket).toBe(true);
    expect(event.ticket).toMatchObject({ subject: 'Drucker kaputt', unread: true });
    expect(event.message.from).toBe('erika@customer.example');
    expect(event.message.text).toContain('Drucker im 2. Stock');
    await sleep(500);
    expect(outsider.events).toHaveLength(0);
    expect(stranger.events).toHaveLength(0);
    const [ticket] = await ticketsOf(world.tenantId);
    expect(ticket).toMatchObject({ channel: 'mail', status: 'new', unread: true });
    const contacts = await sql<{ email: string; name: string }>(server.orm.em.fork(), 'select email, name from contacts where tenant_id = ?', [world.tenantId]);
    expect(contacts).toContainEqual({ email: 'erika@customer.example', name: 'Erika Mustermann' });
    // Only after the commit is the message flagged on the server.
    await waitFor(
      () => dovecot.list(mailbox.user, 'INBOX'),
      (l) => l[0]?.flags.includes('\\Seen') === true,
      'the mail to be flagged seen',
    );
    for (const run of [agent, outsider, stranger]) run.stop();
  });

  it('imports mail a mail client already marked as read, matches the sender case-insensitively, and threads the reply', async () => {
    const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, dovecot, { afterImport: 'MOVE', afterImportFolder: 'Processed' });
    const firstId = newMessageId();
    await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'VPN geht nicht', messageId: firstId, from: 'ERIKA@customer.example' }), ['\\Seen']);
    const first = await waitFor(
      () => inbound(mailbox.id),
      (rows) => rows.length === 1,
      'the first mail',
    );
    expect(first[0]!.status).toBe('imported');
    const ticketId = first[0]!.ticket_id!;
    const before = await sql<{ n: string }>(server.orm.em.fork(), 'select count(*) as n from contacts where tenant_id = ?', [world.tenantId]);
    // The agent closes the ticket; the customer answers to it.
    await world.asAdmin.data('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: ticketId });
    await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'Re: VPN geht nicht', inReplyTo: firstId, references: [firstId] }));
    const rows = await waitFor(
      () => inbound(mailbox.id),
      (r) => r.length === 2,
      'the reply',
    );
    expect(rows[1]!.ticket_id).toBe(ticketId);
    const ticket = (await ticketsOf(world.tenantId)).find((t) => t.id === ticketId)!;
    expect(ticket.status).toBe('customer_replied');
    const after = await sql<{ n: string }>(server.orm.em.fork(), 'select count(*) as n from contacts where tenant_id = ?', [world.tenantId]);
    expect(after[0]!.n).toBe(before[0]!.n);
    await waitFor(
      () => dovecot.list(mailbox.user, 'Processed'),
      (l) => l.length === 2,
      'both mails to be moved',
    );
    expect(await dovecot.list(mailbox.user, 'INBOX')).toHaveLength(0);
  });

  it('after a UIDVALIDITY change reads the folder again without importing anything twice or skipping anything', async () => {
    const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, dovecot, { afterImport: 'KEEP' });
    for (let i = 0; i < 3; i++) await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: `Vorher ${i}` }));
    await waitFor(
      () => inbound(mailbox.id),
      (r) => r.length === 3,
      'three imports',
    );
    await world.asAdmin.data('mutation ($id: ID!, $v: Int!) { mailboxUpdate(input: { id: $id, version: $v, enabled: false }) { id } }', {
      id: mailbox.id,
      v: 1,
    });
    // Turned off by an admin, it shows as stopped, not as waiting for a process.
    await waitFor(
      () => world.asAdmin.data<{ mailboxes: { id: string; state: { connection: string } }[] }>(`{ mailboxes { id state { connection } } }`),
      (r) => r.mailboxes.find((m) => m.id === mailbox.id)?.state.connection === 'STOPPED',
      'the mailbox to show as stopped',
    );
    await dovecot.resetUidValidity(mailbox.user, 'INBOX');
    await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'Nachher' }));
    await world.asAdmin.data('mutation ($id: ID!, $v: Int!) { mailboxUpdate(input: { id: $id, version: $v, enabled: true }) { id } }', {
      id: mailbox.id,
      v: 2,
    });
    const rows = await waitFor(
      () => inbound(mailbox.id),
      (r) => r.length === 7,
      'the rescan of four messages',
    );
    expect(rows.filter((r) => r.status === 'imported')).toHaveLength(4);
    expect(rows.filter((r) => r.status === 'duplicate')).toHaveLength(3);
    const subjects = (await ticketsOf(world.tenantId)).map((t) => t.subject);
    expect(subjects.filter((s) => s === 'Nachher')).toHaveLength(1);
    expect(subjects.filter((s) => s.startsWith('Vorher'))).toHaveLength(3);
  });

  it('reconnects when the server drops the connection, and imports what arrived meanwhile', async () => {
    const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, dovecot);
    const state = () => world.asAdmin.data<{ mailboxes: { id: string; state: { connection: string } }[] }>(`{ mailboxes { id state { connection } } }`);
    await waitFor(state, (r) => r.mailboxes.find((m) => m.id === mailbox.id)?.state.connection === 'IDLE', 'the mailbox to be connected');
    expect(await dovecot.kick(mailbox.user)).toContain(mailbox.user);
    await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'Nach dem Abbruch' }));
    const rows = await waitFor(
      () => inbound(mailbox.id),
      (r) => r.length === 1,
      'the mail sent while the connection was down to be imported after the reconnect',
    );
    expect(rows[0]).toMatchObject({ status: 'imported' });
    await waitFor(state, (r) => r.mailboxes.find((m) => m.id === mailbox.id)?.state.connection === 'IDLE', 'the mailbox to be connected again');
  });

  it('polls a server without IDLE', async () => {
    const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, plainDovecot);
    await waitFor(
      () => world.asAdmin.data<{ mailboxes: { id: string; state: { connection: string } }[] }>(`{ mailboxes { id state { connection } } }`),
      (r) => r.mailboxes.find((m) => m.id === mailbox.id)?.state.connection === 'POLLING',
      'the mailbox to poll',
    );
    await plainDovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'Ohne IDLE' }));
    await waitFor(
      () => inbound(mailbox.id),
      (r) => r.length === 1,
      'the polled mail',
      8000,
    );
  });

  it('keeps oversized and unreadable mail as failed with a reason, goes on with the next mail, and can retry it', async () => {
    const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, dovecot);
    await dovecot.append(mailbox.user, 'INBOX', 'this is not a mail at all, just a line of text without any header');
    await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'Danach' }));
    const rows = await waitFor(
      () => inbound(mailbox.id),
      (r) => r.length === 2,
      'both mails',
    );
    expect(rows[0]).toMatchObject({ status: 'failed' });
    expect(rows[0]!.reason).toBeTruthy();
    expect(rows[1]).toMatchObject({ status: 'imported' });
    const { failedMails } = await world.asAdmin.data<{
      failedMails: { id: string; reason: string; rawUrl: string; receivedAt: string; retriedAt: string | null }[];
    }>('query ($m: ID) { failedMails(mailboxId: $m) { id reason rawUrl receivedAt retriedAt } }', { m: mailbox.id });
    expect(failedMails).toHaveLength(1);
    expect(Date.parse(failedMails[0]!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(failedMails[0]!.retriedAt).toBeNull();
    const raw = await fetch(new URL(failedMails[0]!.rawUrl, server.url), { headers: { cookie: `tresen_session=${world.asAdmin.credentials.cookie}` } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await raw.text()).toContain('not a mail at all');
    const agentRaw = await fetch(new URL(failedMails[0]!.rawUrl, server.url), { headers: { cookie: `tresen_session=${world.asAgent.credentials.cookie}` } });
    expect(agentRaw.status).toBe(401);
    const { failedMailRetry } = await world.asAdmin.data<{ failedMailRetry: { imported: boolean; reason: string } }>(
      'mutation ($id: ID!) { failedMailRetry(id: $id) { imported reason } }',
      { id: failedMails[0]!.id },
    );
    expect(failedMailRetry.imported).toBe(false);
    expect(failedMailRetry.reason).toBeTruthy();
    const { mailboxes } = await world.asAdmin.data<{
      mailboxes: { id: string; state: { failedCount: number; importedToday: number; lastImportAt: string | null } }[];
    }>('{ mailboxes { id state { failedCount importedToday lastImportAt } } }');
    const state = mailboxes.find((m) => m.id === mailbox.id)?.state;
    expect(state).toMatchObject({ failedCount: 1, importedToday: 1 });
    expect(Date.parse(state!.lastImportAt!)).toBeGreaterThan(Date.now() - 60_000);
    const after = await world.asAdmin.data<{ failedMails: { retriedAt: string | null }[] }>('query ($m: ID) { failedMails(mailboxId: $m) { retriedAt } }', {
      m: mailbox.id,
    });
    expect(Date.parse(after.failedMails[0]!.retriedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('says so when a stored password was sealed under another server secret, and does not log in with it', async () => {
    const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, dovecot);
    await waitFor(
      () => world.asAdmin.data<{ mailboxes: { id: string; state: { connection: string } }[] }>(`{ mailboxes { id state { connection } } }`),
      (r) => r.mailboxes.find((m) => m.id === mailbox.id)?.state.connection === 'IDLE',
      'the mailbox to be connected',
    );
    // What a restart with a different TRESEN_SECRET looks like: the sealed password no longer opens.
    const foreign = new SecretBox('another-secret-of-at-least-32-characters!').seal('irrelevant');
    await sql(server.orm.em.fork(), 'update mailboxes set imap_password_enc = ?, version = version + 1 where id = ?', [foreign, mailbox.id]);
    const state = await waitFor(
      () =>
        world.asAdmin.data<{ mailboxes: { id: string; state: { connection: string; lastError: string | null } }[] }>(
          `{ mailboxes { id state { connection lastError } } }`,
        ),
      (r) => r.mailboxes.find((m) => m.id === mailbox.id)?.state.connection === 'ERROR',
      'the mailbox to show the error',
    );
    expect(state.mailboxes.find((m) => m.id === mailbox.id)?.state.lastError).toBe(UNREADABLE_PASSWORD);
    expect(server.app.mailWorker!.watching()).not.toContain(mailbox.id);
    await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: 'Nicht abgeholt' }));
    await sleep(1500);
    expect(await inbound(mailbox.id)).toHaveLength(0);
    // Entering the password again brings it back.
    const { mailboxes } = await world.asAdmin.data<{ mailboxes: { id: string; version: number }[] }>('{ mailboxes { id version } }');
    const version = mailboxes.find((m) => m.id === mailbox.id)!.version;
    const account = await dovecot.list(mailbox.user, 'INBOX');
    expect(account).toHaveLength(1);
    await world.asAdmin.data('mutation ($i: MailboxUpdateInput!) { mailboxUpdate(input: $i) { id } }', {
      i: { id: mailbox.id, version, password: PASSWORDS.get(mailbox.user) },
    });
    await waitFor(
      () => inbound(mailbox.id),
      (r) => r.length === 1,
      'the mail to be imported once the password is entered again',
    );
  });

  it('takes over a mailbox when the process holding it stops, and never imports a mail twice across processes', async () => {
    const second = await startTestServer({ mailWorker: workerTiming });
    try {
      const mailbox = await createMailbox(world.asAdmin, world.sharedDepartmentId, dovecot, { afterImport: 'KEEP' });
      for (let i = 0; i < 20; i++) await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: `Zwei Prozesse ${i}` }));
      await waitFor(
        () => inbound(mailbox.id),
        (r) => r.length === 20,
        'twenty imports',
      );
      const holders = [server, second].filter((s) => s.app.mailWorker!.watching().includes(mailbox.id));
      expect(holders).toHaveLength(1);
      const holder = holders[0]!;
      const other = holder === server ? second : server;
      if (holder === second) {
        await second.close();
      } else {
        // Stop only the first process's worker; its HTTP side stays up for the rest of this file.
        await server.app.mailWorker!.stop();
      }
      for (let i = 20; i < 25; i++) await dovecot.append(mailbox.user, 'INBOX', rawMail({ subject: `Zwei Prozesse ${i}` }));
      const rows = await waitFor(
        () => inbound(mailbox.id),
        (r) => r.length === 25,
        'the other process to take over',
        15_000,
      );
      expect(other.app.mailWorker!.watching()).toContain(mailbox.id);
      expect(new Set(rows.map((r) => r.uid)).size).toBe(25);
      expect(rows.every((r) => r.status === 'imported')).toBe(true);
    } finally {
      await second.close().catch(() => undefined);
    }
  });
});
