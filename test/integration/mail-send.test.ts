import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { collect, eventually, sleep, wsClient, type Gql } from '../helpers/graphql.js';
import { newMessageId, rawMail } from '../helpers/mail.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * Mail out, end to end: a real server with its outbox worker (pg-boss), a real SMTP server
 * (smtp-server on loopback) and, for the round trip, a real Dovecot.
 */
const tenants = new Set<string>();
let dovecot: Dovecot;
let smtp: TestSmtp;
let server: TestServer;
let world: World;

beforeAll(async () => {
  [dovecot, smtp] = await Promise.all([startDovecot(), startSmtp()]);
  server = await startTestServer({
    mailWorker: {
      leaseSeconds: 3,
      scanSeconds: 0.5,
      pollSeconds: 1,
      safetySeconds: 30,
      backoffSeconds: 0.2,
      maxBackoffSeconds: 1,
      acceptTenant: (id) => tenants.has(id),
    },
    outbox: { retryDelaySeconds: 1, retryDelayMaxSeconds: 1, retryLimit: 2, pollSeconds: 0.5 },
  });
  world = await worldFactory(server.orm, server.url);
  tenants.add(world.tenantId);
});
afterAll(async () => {
  await server?.close();
  await Promise.all([dovecot?.stop(), smtp?.stop()]);
});

const REPLY = `mutation ($i: TicketReplyInput!) { ticketReply(input: $i) { id kind subject to cc bcc sendStatus text quotedText mailMessageId } }`;

interface Mailbox {
  id: string;
  address: string;
  user: string;
  password: string;
}

async function mailbox(departmentId: string, options: { sending?: boolean; imap?: boolean; signature?: string } = {}): Promise<Mailbox> {
  const account = await dovecot.createUser();
  const address = `${account.user}@tresen.example`.toLowerCase();
  const { mailboxCreate } = await world.asAdmin.data<{ mailboxCreate: { id: string; version: number } }>(
    `mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id version } }`,
    {
      i: {
        address,
        departmentId,
        senderName: 'Tresen Support',
        host: dovecot.host,
        port: dovecot.port,
        security: 'NONE',
        user: account.user,
        password: account.password,
        enabled: options.imap ?? false,
      },
    },
  );
  let version = mailboxCreate.version;
  if (options.sending ?? true) {
    const updated = await world.asAdmin.data<{ mailboxSendingUpdate: { version: number } }>(
      `mutation ($i: MailboxSendingUpdateInput!) { mailboxSendingUpdate(input: $i) { version } }`,
      { i: { id: mailboxCreate.id, version, enabled: true, host: '127.0.0.1', port: smtp.port, security: 'NONE' } },
    );
    version = updated.mailboxSendingUpdate.version;
  }
  if (options.signature !== undefined) {
    await world.asAdmin.data('mutation ($i: SignatureUpdateInput!) { signatureUpdate(input: $i) }', {
      i: { mailboxId: mailboxCreate.id, text: options.signature },
    });
    // The signature is not a connection setting: an open settings form (this version) stays valid.
    const { mailboxes } = await world.asAdmin.data<{ mailboxes: { id: string; version: number; signature: string }[] }>(
      '{ mailboxes { id version signature } }',
    );
    expect(mailboxes.find((m) => m.id === mailboxCreate.id)).toMatchObject({ version, signature: options.signature });
  }
  return { id: mailboxCreate.id, address, user: account.user, password: account.password };
}

async function ticket(as: Gql, departmentId: string, subject = 'Rechnung fehlt'): Promise<{ id: string; number: number }> {
  const { ticketCreate } = await as.data<{ ticketCreate: { id: string; number: number } }>(
    `mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id number } }`,
    { i: { subject, departmentId, text: 'Am Telefon gemeldet.', channel: 'PHONE' } },
  );
  return ticketCreate;
}

async function message(id: string) {
  const rows = await sql<{ send_status: string; send_error: string | null; send_attempts: number; mail_message_id: string }>(
    server.orm.em.fork(),
    'select send_status, send_error, send_attempts, mail_message_id from messages where id = ?',
    [id],
  );
  return rows[0]!;
}

async function waitForStatus(id: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await message(id);
    if (row.send_status === status) return row;
    if (Date.now() > until) {
      const jobs = await sql(
        server.orm.em.fork(),
        "select state, retry_count, start_after, started_on, now() as now from pgboss.job where data->>'messageId' = ?",
        [id],
      );
      throw new Error(`message ${id} never became ${status}: ${JSON.stringify(row)}; jobs: ${JSON.stringify(jobs)}`);
    }
    await sleep(100);
  }
}

const receivedWith = (subjectPart: string) => smtp.received.filter((m) => (m.parsed.subject ?? '').includes(subjectPart));

describe('replies by mail', () => {
  it('answers an imported mail with signatures, thread headers and attachments, live, and threads the customer answer back', async () => {
    const box = await mailbox(world.sharedDepartmentId, { imap: true, signature: 'Ihr Team {{department}}' });
    await world.asAgent.data('mutation ($i: SignatureUpdateInput!) { signatureUpdate(input: $i) }', { i: { text: 'Gruß, {{agentName}}' } });
    const customerId = newMessageId();
    await dovecot.append(
      box.user,
      'INBOX',
      rawMail({ subject: 'Drucker kaputt', from: 'Erika <erika@customer.example>', to: box.address, messageId: customerId, cc: 'chef@customer.example' }),
    );
    const imported = await waitFor(
      () =>
        sql<{ id: string; number: number }>(server.orm.em.fork(), "select id, number from tickets where tenant_id = ? and subject = 'Drucker kaputt'", [
          world.tenantId,
        ]),
      (rows) => rows.length === 1,
      'the mail to become a ticket',
    );
    const { id: ticketId, number } = imported[0]!;
    const defaults = await world.asAgent.data<{
      replyDefaults: { canSend: boolean; from: string; subject: string; to: string[]; cc: string[]; statusAfter: string };
    }>(`query ($t: ID!) { replyDefaults(ticketId: $t) { canSend from subject to cc statusAfter } }`, { t: ticketId });
    expect(defaults.replyDefaults).toEqual({
      canSend: true,
      from: box.address,
      subject: 'Re: Drucker kaputt',
      to: ['erika@customer.example'],
      cc: ['chef@customer.example'],
      statusAfter: 'answered',
    });

    const upload = await fetch(`${new URL(server.url).origin}/attachments`, {
      method: 'POST',
      headers: {
        cookie: `tresen_session=${world.asAgent.credentials.cookie}`,
        'x-tresen-upload': '1',
        'x-filename': encodeURIComponent('Anleitung.txt'),
        'content-type': 'text/plain',
      },
      body: 'Papier nachlegen.',
    });
    const { id: attachmentId } = (await upload.json()) as { id: string };
    const live = collect<{ messageAdded: { message: { id: string; sendStatus: string | null } } }>(
      wsClient(server.wsUrl, world.asAgent.credentials, new URL(server.url).origin),
      `subscription { messageAdded(ticketId: "${ticketId}") { message { id sendStatus } } }`,
    );
    await sleep(300);
    const { ticketReply } = await world.asAgent.data<{ ticketReply: { id: string; sendStatus: string; subject: string; mailMessageId: string } }>(REPLY, {
      i: {
        ticketId,
        to: defaults.replyDefaults.to,
        cc: defaults.replyDefaults.cc,
        body: 'Bitte Papier nachlegen.',
        attachments: [attachmentId],
        includeHistory: true,
      },
    });
    expect(ticketReply).toMatchObject({ sendStatus: 'QUEUED', subject: `Re: Drucker kaputt [#${number}]` });
    await waitForStatus(ticketReply.id, 'sent');
    await eventually(
      () => live.events.some((e) => e.messageAdded.message.id === ticketReply.id && e.messageAdded.message.sendStatus === 'SENT'),
      'the SENT status live',
    );
    live.stop();

    const [sent] = receivedWith(`[#${number}]`);
    expect(sent).toBeDefined();
    const mail = sent!.parsed;
    expect(mail.from?.value).toEqual([{ name: 'Tresen Support', address: box.address }]);
    expect(sent!.envelopeTo.sort()).toEqual(['chef@customer.example', 'erika@customer.example']);
    expect(mail.messageId).toBe(`<${ticketReply.mailMessageId}>`);
    expect(ticketReply.mailMessageId).toMatch(new RegExp(`^tresen\\.${ticketId}\\.[a-z0-9]+\\.[0-9a-f]{32}@tresen\\.example$`));
    expect(mail.inReplyTo).toBe(`<${customerId}>`);
    expect(mail.references).toContain(`<${customerId}>`);
    expect(mail.headers.get('auto-submitted')).toBeUndefined();
    // The documented order: text, "-- ", the agent's signature, the address's signature, the quoted history.
    const text = mail.text ?? '';
    const order = ['Bitte Papier nachlegen.', '-- ', 'Gruß, agent', 'Ihr Team Support', '> '].map((part) => text.indexOf(part));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(mail.html).toContain('Bitte Papier nachlegen.');
    expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['Anleitung.txt', 'Papier nachlegen.']]);
    const status = await sql<{ key: string }>(server.orm.em.fork(), 'select s.key from tickets t join ticket_statuses s on s.id = t.status_id where t.id = ?', [
      ticketId,
    ]);
    expect(status[0]?.key).toBe('answered');

    // The customer answers in their mail client: it lands on the same ticket and reopens it.
    await dovecot.append(
      box.user,
      'INBOX',
      rawMail({ subject: `AW: Re: Drucker kaputt [#${number}]`, from: 'erika@customer.example', inReplyTo: ticketReply.mailMessageId }),
    );
    await waitFor(
      () => sql<{ n: string }>(server.orm.em.fork(), "select count(*) as n from messages where ticket_id = ? and kind = 'inbound'", [ticketId]),
      (rows) => rows[0]?.n === '2',
      'the answer to land on the ticket',
    );
    const after = await sql<{ key: string }>(server.orm.em.fork(), 'select s.key from tickets t join ticket_statuses s on s.id = t.status_id where t.id = ?', [
      ticketId,
    ]);
    expect(after[0]?.key).toBe('customer_replied');
  });

  it('retries after 421 and sends once; marks a 550 failed with the server’s words and resends it with the same Message-ID', async () => {
    await mailbox(world.sharedDepartmentId);
    const target = await ticket(world.asAgent, world.sharedDepartmentId, 'Voruebergehend');
    let deferred = false;
    let failHard = true;
    smtp.answer = (raw) => {
      const text = raw.toString();
      if (text.includes(`[#${target.number}]`) && !deferred) {
        deferred = true;
        return { code: 421, message: '4.3.2 Try again later' };
      }
      if (text.includes('Unzustellbar') && failHard) return { code: 550, message: '5.1.1 Mailbox does not exist' };
      return 'accept';
    };
    const first = (
      await world.asAgent.data<{ ticketReply: { id: string } }>(REPLY, { i: { ticketId: target.id, to: ['kunde@customer.example'], body: 'Gleich noch mal.' } })
    ).ticketReply;
    const sent = await waitForStatus(first.id, 'sent');
    expect(sent.send_attempts).toBe(2);
    expect(receivedWith(`[#${target.number}]`)).toHaveLength(1);

    const other = await ticket(world.asAgent, world.sharedDepartmentId, 'Unzustellbar');
    const bad = (await world.asAgent.data<{ ticketReply: { id: string } }>(REPLY, { i: { ticketId: other.id, to: ['weg@customer.example'], body: 'Hallo?' } }))
      .ticketReply;
    const failed = await waitForStatus(bad.id, 'failed');
    expect(failed.send_error).toContain('5.1.1 Mailbox does not exist');
    expect(failed.send_attempts).toBe(1);
    const shown = await world.asAgent.data<{ ticket: { messages: { id: string; sendStatus: string; sendError: string }[] } }>(
      `query ($id: ID!) { ticket(id: $id) { messages { id sendStatus sendError } } }`,
      { id: other.id },
    );
    expect(shown.ticket.messages.find((m) => m.id === bad.id)).toMatchObject({ sendStatus: 'FAILED', sendError: expect.stringContaining('550') as unknown });
    failHard = false;
    await world.asAgent.data('mutation ($id: ID!) { messageResend(id: $id) { id } }', { id: bad.id });
    const resent = await waitForStatus(bad.id, 'sent');
    expect(resent.mail_message_id).toBe(failed.mail_message_id);
    const delivered = receivedWith(`[#${other.number}]`);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.parsed.messageId).toBe(`<${failed.mail_message_id}>`);
    expect(await world.asAgent.errorCode('mutation ($id: ID!) { messageResend(id: $id) { id } }', { id: bad.id })).toBe('BAD_USER_INPUT');
  });

  it('refuses to answer from a department without a sending address, saying why, and writes nothing', async () => {
    const { departmentCreate } = await world.asAdmin.data<{ departmentCreate: { id: string } }>(
      'mutation { departmentCreate(input: { name: "Ohne Absender", isPublic: false }) { id } }',
    );
    const target = await ticket(world.asAdmin, departmentCreate.id, 'Keine Adresse');
    const defaults = await world.asAdmin.data<{ replyDefaults: { canSend: boolean; reason: string; reasonCode: string } }>(
      `query ($t: ID!) { replyDefaults(ticketId: $t) { canSend reason reasonCode } }`,
      {
        t: target.id,
      },
    );
    expect(defaults.replyDefaults.canSend).toBe(false);
    expect(defaults.replyDefaults.reasonCode).toBe('NO_SENDING_ADDRESS');
    expect(defaults.replyDefaults.reason).toMatch(/"Ohne Absender" has no sending address.*Admin → Mailboxes/);
    const result = await world.asAdmin.request(REPLY, { i: { ticketId: target.id, to: ['a@customer.example'], body: 'Hallo' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/no sending address/);
    expect(await outboundCount(target.id)).toBe(0);
  });

  it('rejects header injection and other bad input with a clear error and changes nothing', async () => {
    await mailbox(world.sharedDepartmentId);
    const target = await ticket(world.asAgent, world.sharedDepartmentId, 'Eingaben');
    const base = { ticketId: target.id, to: ['kunde@customer.example'], body: 'Text' };
    const cases: [string, Record<string, unknown>, string][] = [
      ['CR/LF in a recipient', { to: ['kunde@customer.example\r\nBcc: evil@evil.example'] }, 'to'],
      ['a display name instead of an address', { to: ['Kunde <kunde@customer.example>'] }, 'to'],
      ['no recipient', { to: [] }, 'to'],
      ['LF in cc', { cc: ['x@customer.example\nX-Evil: 1'] }, 'cc'],
      ['not an address in bcc', { bcc: ['nobody'] }, 'bcc'],
      ['CR/LF in the subject', { subject: 'Hallo\r\nBcc: evil@evil.example' }, 'subject'],
      ['an empty subject', { subject: '   ' }, 'subject'],
      ['a 251-character subject', { subject: 'x'.repeat(251) }, 'subject'],
      ['an empty body', { body: '  ' }, 'body'],
      ['an unknown status', { statusAfter: 'nonsense' }, 'statusAfter'],
      ['51 recipients', { to: Array.from({ length: 51 }, (_, i) => `k${i}@customer.example`) }, 'to'],
      ['an unknown canned reply', { cannedReplyId: '00000000-0000-4000-8000-000000000000', body: '' }, 'cannedReplyId'],
      ['an unknown attachment', { attachments: ['00000000-0000-4000-8000-000000000000'] }, 'attachmentIds'],
    ];
    for (const [name, patch, field] of cases) {
      const result = await world.asAgent.request(REPLY, { i: { ...base, ...patch } });
      expect(result.errors?.[0]?.extensions, name).toMatchObject({ field });
    }
    expect(await outboundCount(target.id)).toBe(0);
    const other = await worldFactory(server.orm, server.url);
    for (const viewer of [world.asOutsider, other.asAdmin]) {
      expect(await viewer.errorCode(REPLY, { i: base })).toBe('NOT_FOUND');
      expect(await viewer.errorCode('query ($t: ID!) { replyDefaults(ticketId: $t) { canSend } }', { t: target.id })).toBe('NOT_FOUND');
    }
    expect(await world.asCustomer.errorCode('query ($t: ID!) { replyDefaults(ticketId: $t) { canSend } }', { t: target.id })).toBe('FORBIDDEN');
    for (const viewer of [world.asReadToken, world.asCustomer]) expect(await viewer.errorCode(REPLY, { i: base })).toBe('FORBIDDEN');
    expect(await outboundCount(target.id)).toBe(0);
    const byToken = await world.asWriteToken.data<{ ticketReply: { sendStatus: string } }>(REPLY, { i: base });
    expect(byToken.ticketReply.sendStatus).toBe('QUEUED');
  });

  it('lets only admins manage sending settings and canned replies; agents use those of their departments, filled for the ticket', async () => {
    const box = await mailbox(world.sharedDepartmentId, { sending: false });
    const update = `mutation ($i: MailboxSendingUpdateInput!) { mailboxSendingUpdate(input: $i) { id } }`;
    for (const viewer of [world.asAgent, world.asWriteToken])
      expect(await viewer.errorCode(update, { i: { id: box.id, version: 1, enabled: true } })).toBe('FORBIDDEN');
    expect((await world.asAdmin.request(update, { i: { id: box.id, version: 1, enabled: true } })).errors?.[0]?.extensions).toMatchObject({ field: 'host' });
    const create = `mutation ($i: CannedReplyCreateInput!) { cannedReplyCreate(input: $i) { id } }`;
    expect(await world.asAgent.errorCode(create, { i: { title: 'X', body: 'Y' } })).toBe('FORBIDDEN');
    const global = (
      await world.asAdmin.data<{ cannedReplyCreate: { id: string } }>(create, {
        i: { title: 'Begrüßung', category: 'Allgemein', body: 'Hallo {{contactName}}, zu Ticket {{ticketNumber}} ({{ticketSubject}}): {{unknown}}' },
      })
    ).cannedReplyCreate;
    const shared = (
      await world.asAdmin.data<{ cannedReplyCreate: { id: string } }>(create, {
        i: { title: 'Drucker', departmentId: world.sharedDepartmentId, body: 'Papier!' },
      })
    ).cannedReplyCreate;
    const { departmentCreate } = await world.asAdmin.data<{ departmentCreate: { id: string } }>(
      'mutation { departmentCreate(input: { name: "Buchhaltung", isPublic: false }) { id } }',
    );
    const hidden = (
      await world.asAdmin.data<{ cannedReplyCreate: { id: string } }>(create, { i: { title: 'Intern', departmentId: departmentCreate.id, body: 'Geheim' } })
    ).cannedReplyCreate;
    expect(await world.asAdmin.errorCode(create, { i: { title: 'begrüßung', body: 'Doppelt' } })).toBe('CONFLICT');
    const list = async (as: Gql, search?: string) =>
      (
        await as.data<{ cannedReplies: { id: string }[] }>('query ($f: CannedReplyFilterInput) { cannedReplies(filter: $f) { id } }', {
          f: search ? { search } : null,
        })
      ).cannedReplies.map((r) => r.id);
    expect(await list(world.asAgent)).toEqual(expect.arrayContaining([global.id, shared.id]));
    expect(await list(world.asAgent)).not.toContain(hidden.id);
    expect(await list(world.asAgent, 'papier')).toEqual([shared.id]);
    expect(await list(world.asOutsider)).toEqual([global.id]);

    await world.asAdmin.data(update, { i: { id: box.id, version: 1, enabled: true, host: '127.0.0.1', port: smtp.port, security: 'NONE' } });
    const target = await ticket(world.asAgent, world.sharedDepartmentId, 'Vorlage');
    const render = await world.asAgent.data<{ cannedReplyRender: string }>('query ($id: ID!, $t: ID!) { cannedReplyRender(id: $id, ticketId: $t) }', {
      id: global.id,
      t: target.id,
    });
    expect(render.cannedReplyRender).toBe(`Hallo , zu Ticket ${target.number} (Vorlage): {{unknown}}`);
    expect(await world.asOutsider.errorCode('query ($id: ID!, $t: ID!) { cannedReplyRender(id: $id, ticketId: $t) }', { id: hidden.id, t: target.id })).toBe(
      'NOT_FOUND',
    );
    const viaTemplate = await world.asAgent.data<{ ticketReply: { text: string } }>(REPLY, {
      i: { ticketId: target.id, to: ['k@customer.example'], cannedReplyId: shared.id },
    });
    expect(viaTemplate.ticketReply.text.startsWith('Papier!')).toBe(true);
  });

  it('acknowledges a new ticket from mail, marked automatic, but never automatic mail, suppressed senders, replies, or more than 3 an hour', async () => {
    const box = await mailbox(world.sharedDepartmentId, { imap: true });
    const { mailboxes } = await world.asAdmin.data<{ mailboxes: { id: string; version: number }[] }>('{ mailboxes { id version } }');
    const version = mailboxes.find((m) => m.id === box.id)!.version;
    const enable = `mutation ($i: MailboxSendingUpdateInput!) { mailboxSendingUpdate(input: $i) { sending { autoReplyEnabled } } }`;
    expect((await world.asAdmin.request(enable, { i: { id: box.id, version, autoReplyEnabled: true } })).errors?.[0]?.extensions).toMatchObject({
      field: 'autoReplyText',
    });
    await world.asAdmin.data(enable, {
      i: {
        id: box.id,
        version,
        autoReplyEnabled: true,
        autoReplySubject: 'Eingang: {{ticketSubject}}',
        autoReplyText: 'Danke {{contactName}}, Ihre Nummer ist {{ticketNumber}}.',
      },
    });
    const firstId = newMessageId();
    const mails = [
      rawMail({ subject: 'Quittung bitte', from: 'Anna <anna@customer.example>', to: box.address, messageId: firstId }),
      rawMail({ subject: 'Re: Quittung bitte', from: 'anna@customer.example', to: box.address, inReplyTo: firstId }),
      rawMail({ subject: 'Abwesend', from: 'bot@customer.example', to: box.address, headers: { 'Auto-Submitted': 'auto-replied' } }),
      rawMail({ subject: 'Bitte keine Antwort', from: 'exchange@customer.example', to: box.address, headers: { 'X-Auto-Response-Suppress': 'All' } }),
      ...[1, 2, 3, 4].map((i) => rawMail({ subject: `Viel Post ${i}`, from: 'flut@customer.example', to: box.address })),
    ];
    for (const raw of mails) await dovecot.append(box.user, 'INBOX', raw);
    await waitFor(
      () => sql<{ n: string }>(server.orm.em.fork(), "select count(*) as n from inbound_mails where mailbox_id = ? and status = 'imported'", [box.id]),
      (rows) => rows[0]?.n === String(mails.length),
      'every mail to be imported',
      15_000,
    );
    await waitFor(
      () =>
        sql<{ n: string }>(server.orm.em.fork(), "select count(*) as n from messages where tenant_id = ? and auto_generated and send_status <> 'sent'", [
          world.tenantId,
        ]),
      (rows) => rows[0]?.n === '0',
      'the acknowledgements to be sent',
    );
    await sleep(500);
    const acks = smtp.received.filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-replied');
    const to = (address: string) => acks.filter((m) => m.envelopeTo.includes(address));
    expect(to('anna@customer.example')).toHaveLength(1);
    expect(to('bot@customer.example')).toHaveLength(0);
    expect(to('exchange@customer.example')).toHaveLength(0);
    expect(to('flut@customer.example')).toHaveLength(3);
    const ack = to('anna@customer.example')[0]!.parsed;
    expect(ack.headers.get('x-auto-response-suppress')).toBe('All');
    expect(ack.subject).toMatch(/^Eingang: Quittung bitte \[#\d+\]$/);
    expect(ack.text).toMatch(/^Danke Anna, Ihre Nummer ist \d+\./);
    const [row] = await sql<{ kind: string; no_auto_reply: boolean }>(
      server.orm.em.fork(),
      "select kind, no_auto_reply from messages where tenant_id = ? and auto_generated and to_addresses = '{anna@customer.example}'",
      [world.tenantId],
    );
    expect(row).toEqual({ kind: 'outbound', no_auto_reply: true });
  });

  it('tests sending settings and names the step that failed', async () => {
    const authSmtp = await startSmtp({ user: 'sender', password: 'richtig' });
    try {
      const test = async (i: Record<string, unknown>) =>
        (
          await world.asAdmin.data<{ mailboxTestSending: { ok: boolean; stage: string; message: string } }>(
            'mutation ($i: MailboxSendingTestInput!) { mailboxTestSending(input: $i) { ok stage message } }',
            { i },
          )
        ).mailboxTestSending;
      expect(await test({ host: '127.0.0.1', port: authSmtp.port, security: 'NONE', user: 'sender', password: 'richtig' })).toMatchObject({
        ok: true,
        stage: 'OK',
      });
      const login = await test({ host: '127.0.0.1', port: authSmtp.port, security: 'NONE', user: 'sender', password: 'falsch' });
      expect(login).toMatchObject({ ok: false, stage: 'LOGIN' });
      expect(login.message).not.toContain('falsch');
      const closedPort = smtp.port === 1 ? 2 : 1;
      expect(await test({ host: '127.0.0.1', port: closedPort, security: 'NONE' })).toMatchObject({ ok: false, stage: 'TCP' });
      // Without signing in (clearUser), a server that wants no sign-in passes.
      expect(await test({ host: '127.0.0.1', port: smtp.port, security: 'NONE', user: 'someone', password: 'x', clearUser: true })).toMatchObject({
        ok: true,
        stage: 'OK',
      });
      expect(await test({ host: 'no-such-host.invalid', port: 25, security: 'NONE' })).toMatchObject({ ok: false, stage: 'DNS' });
      expect(await test({ host: '127.0.0.1', port: authSmtp.port, security: 'TLS' })).toMatchObject({ ok: false, stage: 'TLS' });
      expect(await world.asAgent.errorCode('mutation { mailboxTestSending(input: { host: "127.0.0.1", port: 25, security: NONE }) { ok } }')).toBe('FORBIDDEN');
    } finally {
      await authSmtp.stop();
    }
  });
});

async function outboundCount(ticketId: string): Promise<number> {
  const rows = await sql<{ n: string }>(server.orm.em.fork(), "select count(*) as n from messages where ticket_id = ? and kind = 'outbound'", [ticketId]);
  return Number(rows[0]!.n);
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
