import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/infra/logger.js';
import { sql } from '../../server/src/infra/sql.js';
import { MailImporter, type ImportMailbox, type ImportOutcome } from '../../server/src/modules/mail/import/mail-importer.js';
import { DEFAULT_MAIL_LIMITS } from '../../server/src/modules/mail/parsing/parse-mail.js';
import { MessageIdSigner } from '../../server/src/modules/mail/threading/message-ids.js';
import { createRealtimeBus } from '../../server/src/realtime/pubsub.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { importMailbox, newMessageId, rawMail } from '../helpers/mail.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The import decisions (threading, loops, bounces, senders) through the real importer and the real
 * database, one message at a time as the watcher hands them over.
 */
const SECRET = 'test-secret-test-secret-test-secret-42';
const CORPUS = fileURLToPath(new URL('../../../shared/mail-corpus/', import.meta.url));

let server: TestServer;
let world: World;
let importer: MailImporter;
let mailbox: ImportMailbox;
let uid = 0;
const signer = new MessageIdSigner(SECRET);

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  const logger = createLogger({ logLevel: 'fatal' });
  importer = new MailImporter(server.orm.em.fork(), createRealtimeBus(undefined, logger).pubSub, signer, DEFAULT_MAIL_LIMITS, logger);
  mailbox = await importMailbox(world);
});
afterAll(() => server?.close());

const importRaw = (raw: string | Buffer): Promise<ImportOutcome> =>
  importer.import(mailbox, { uidValidity: 1, uid: ++uid, raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw), receivedAt: new Date() });

async function imported(raw: string | Buffer) {
  const outcome = await importRaw(raw);
  if (outcome.status !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const message = async (id: string) =>
  (
    await sql<{ ticket_id: string; automatic_reason: string | null; no_auto_reply: boolean; bounced_recipients: string[]; author_contact_id: string | null }>(
      server.orm.em.fork(),
      'select ticket_id, automatic_reason, no_auto_reply, bounced_recipients, author_contact_id from messages where id = ?',
      [id],
    )
  )[0]!;

describe('threading', () => {
  it('joins a reply by In-Reply-To or References, newest reference first', async () => {
    const firstId = newMessageId();
    const first = await imported(rawMail({ messageId: firstId, subject: 'Ausgangsfrage' }));
    expect(first.createdTicket).toBe(true);
    const reply = await imported(rawMail({ subject: 'Re: Ausgangsfrage', references: [newMessageId('elsewhere.example'), firstId] }));
    expect(reply).toMatchObject({ createdTicket: false, ticketId: first.ticketId });
  });

  it('joins by our own signed Message-ID and rejects a forged one', async () => {
    const ticket = await imported(rawMail({ subject: 'Signiert' }));
    const ours = signer.create(world.tenantId, ticket.ticketId, 'tresen.example');
    const reply = await imported(rawMail({ subject: 'Antwort ohne Betreffbezug', inReplyTo: ours }));
    expect(reply.ticketId).toBe(ticket.ticketId);
    const forged = ours.replace(/\.([0-9a-f])([0-9a-f]{31})@/, (_m, c: string, rest: string) => `.${c === 'a' ? 'b' : 'a'}${rest}@`);
    expect(forged).not.toBe(ours);
    const stranger = await imported(rawMail({ subject: 'Gefälscht', inReplyTo: forged }));
    expect(stranger.createdTicket).toBe(true);
    // Another tenant's signature does not open this tenant's ticket either.
    expect(signer.ticketOf('00000000-0000-4000-8000-000000000000', ours)).toBeNull();
  });

  it('accepts the subject token only from the ticket’s customers and addresses in its thread', async () => {
    const ticket = await imported(rawMail({ subject: 'Token-Test', from: 'kunde@token.example', cc: 'kollege@token.example' }));
    const number = (await sql<{ number: number }>(server.orm.em.fork(), 'select number from tickets where id = ?', [ticket.ticketId]))[0]!.number;
    const byCustomer = await imported(rawMail({ subject: `AW: [#${number}] Token-Test`, from: 'Kunde <KUNDE@token.example>' }));
    expect(byCustomer.ticketId).toBe(ticket.ticketId);
    const byCc = await imported(rawMail({ subject: `[#${number}]`, from: 'kollege@token.example' }));
    expect(byCc.ticketId).toBe(ticket.ticketId);
    const byStranger = await imported(rawMail({ subject: `[#${number}] übernehme ich`, from: 'fremder@evil.example' }));
    expect(byStranger.createdTicket).toBe(true);
  });

  it('follows a merged ticket to the ticket it was merged into', async () => {
    const sourceId = newMessageId();
    const source = await imported(rawMail({ messageId: sourceId, subject: 'Quelle' }));
    const target = await imported(rawMail({ subject: 'Ziel' }));
    await world.asAdmin.data('mutation ($s: ID!, $t: ID!) { ticketMerge(input: { sourceId: $s, targetId: $t }) { id } }', {
      s: source.ticketId,
      t: target.ticketId,
    });
    const reply = await imported(rawMail({ subject: 'Re: Quelle', inReplyTo: sourceId }));
    expect(reply.ticketId).toBe(target.ticketId);
  });

  it('imports a mail without Message-ID, and two different mails with the same Message-ID, and the same mail once', async () => {
    const none = await imported(rawMail({ messageId: null, subject: 'Ohne ID' }));
    expect(none.createdTicket).toBe(true);
    const shared = newMessageId();
    const a = await imported(rawMail({ messageId: shared, subject: 'Gleiche ID A', text: 'Inhalt A' }));
    const b = await importRaw(rawMail({ messageId: shared, subject: 'Gleiche ID B', text: 'Inhalt B' }));
    expect(b.status).toBe('imported');
    const raw = rawMail({ subject: 'Doppelt' });
    await imported(raw);
    const again = await importRaw(raw);
    expect(again.status).toBe('duplicate');
    expect(a.status).toBe('imported');
  });

  it('is idempotent per (mailbox, UIDVALIDITY, UID)', async () => {
    const raw = Buffer.from(rawMail({ subject: 'Einmal' }));
    const first = await importer.import(mailbox, { uidValidity: 1, uid: 999_999, raw, receivedAt: null });
    const second = await importer.import(mailbox, { uidValidity: 1, uid: 999_999, raw, receivedAt: null });
    expect(first.status).toBe('imported');
    expect(second.status).toBe('already');
  });
});

describe('loops and senders', () => {
  it.each([
    ['Auto-Submitted', { 'Auto-Submitted': 'auto-replied' }],
    ['Precedence bulk', { Precedence: 'bulk' }],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }],
    ['X-Autorespond', { 'X-Autorespond': 'vacation' }],
    ['Apple iCloud vacation', { 'X-Apple-Action': 'VACATION' }],
    ['empty Return-Path', { 'Return-Path': '<>' }],
  ])('stores %s mail marked automatic and never to be answered automatically', async (_name, headers) => {
    const result = await imported(rawMail({ subject: 'Abwesend', headers }));
    const row = await message(result.messageId);
    expect(row.automatic_reason).toBeTruthy();
    expect(row.no_auto_reply).toBe(true);
  });

  it('marks X-Auto-Response-Suppress mail as not to be answered automatically, yet lets it reopen a ticket (people send it too)', async () => {
    const firstId = newMessageId();
    const first = await imported(rawMail({ messageId: firstId }));
    await world.asAdmin.data('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: first.ticketId });
    const reply = await imported(rawMail({ inReplyTo: firstId, headers: { 'X-Auto-Response-Suppress': 'All' } }));
    const row = await message(reply.messageId);
    expect(row.no_auto_reply).toBe(true);
    expect(row.automatic_reason).toBeNull();
    const status = await sql<{ key: string }>(server.orm.em.fork(), 'select s.key from tickets t join ticket_statuses s on s.id = t.status_id where t.id = ?', [
      first.ticketId,
    ]);
    expect(status[0]?.key).toBe('customer_replied');
  });

  it('marks mail from the mailer daemon automatic, and a person’s mail not', async () => {
    const daemon = await imported(rawMail({ from: 'MAILER-DAEMON@mx.example', subject: 'Hinweis' }));
    expect((await message(daemon.messageId)).automatic_reason).toBeTruthy();
    const person = await imported(rawMail({ headers: { 'Auto-Submitted': 'no' } }));
    expect((await message(person.messageId)).automatic_reason).toBeNull();
    expect((await message(person.messageId)).no_auto_reply).toBe(false);
  });

  it('does not turn mail from our own addresses into tickets', async () => {
    const before = await sql<{ n: string }>(server.orm.em.fork(), 'select count(*) as n from tickets where tenant_id = ?', [world.tenantId]);
    const outcome = await importRaw(rawMail({ from: 'Support <SUPPORT@tresen.example>', subject: 'Schleife' }));
    expect(outcome.status).toBe('ignored');
    const after = await sql<{ n: string }>(server.orm.em.fork(), 'select count(*) as n from tickets where tenant_id = ?', [world.tenantId]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('does not let a customer reopen a ticket with an auto-reply', async () => {
    const firstId = newMessageId();
    const first = await imported(rawMail({ messageId: firstId }));
    await world.asAdmin.data('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: first.ticketId });
    await imported(rawMail({ inReplyTo: firstId, headers: { 'Auto-Submitted': 'auto-replied' } }));
    const status = await sql<{ key: string }>(server.orm.em.fork(), 'select s.key from tickets t join ticket_statuses s on s.id = t.status_id where t.id = ?', [
      first.ticketId,
    ]);
    expect(status[0]?.key).toBe('closed');
  });
});

describe('bounces', () => {
  it('attaches an RFC 3464 bounce to the ticket of the original message and marks the failed recipient', async () => {
    const ticket = await imported(rawMail({ subject: 'Bestellung' }));
    const ours = signer.create(world.tenantId, ticket.ticketId, 'tresen.example');
    // Our reply as it was sent (the outbox is not built yet: write the row the sender will write).
    const outboundId = '7b1c8f4e-0000-4000-8000-000000000001';
    await sql(
      server.orm.em.fork(),
      `insert into messages (id, tenant_id, ticket_id, kind, body_text, created_at, mail_message_id, to_addresses) values (?, ?, ?, 'outbound', 'Antwort', now(), ?, '{gone@customer.example}')`,
      [outboundId, world.tenantId, ticket.ticketId, ours],
    );
    const boundary = 'BOUNDARY42';
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
      'To: support@tresen.example',
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <${newMessageId('mx.customer.example')}>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain',
      '',
      'I could not deliver your message.',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.example',
      '',
      'Final-Recipient: rfc822; gone@customer.example',
      'Action: failed',
      'Status: 5.1.1',
      '',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      'From: support@tresen.example',
      'To: gone@customer.example',
      'Subject: Re: Bestellung [#1]',
      `Message-ID: <${ours}>`,
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const result = await imported(bounce);
    expect(result.ticketId).toBe(ticket.ticketId);
    const stored = await message(result.messageId);
    expect(stored.automatic_reason).toBeTruthy();
    expect(stored.bounced_recipients).toEqual(['gone@customer.example']);
    expect((await message(outboundId)).bounced_recipients).toEqual(['gone@customer.example']);
  });
});

function messagesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return messagesIn(full);
    return /^(LICENSE|README)/i.test(name) ? [] : [full];
  });
}

describe.skipIf(!existsSync(CORPUS))('the real-world corpus (../shared/mail-corpus)', () => {
  it('imports every message as a ticket or message, or keeps it as failed with a reason; bounces are automatic', { timeout: 120_000 }, async () => {
    const files = messagesIn(CORPUS);
    const counts: Record<string, number> = {};
    const unrecognised: string[] = [];
    for (const file of files) {
      const outcome = await importRaw(readFileSync(file));
      counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
      if (outcome.status === 'failed') expect(outcome.reason.length).toBeGreaterThan(0);
      else expect(['imported', 'duplicate', 'ignored']).toContain(outcome.status);
      if (file.includes('sisimai-bounces') && outcome.status === 'imported' && !(await message(outcome.messageId)).automatic_reason) unrecognised.push(file);
    }
    expect(counts['imported'] ?? 0).toBeGreaterThan(files.length / 2);
    expect(files.length).toBeGreaterThan(400);
    expect(unrecognised).toEqual([]);
  });
});
