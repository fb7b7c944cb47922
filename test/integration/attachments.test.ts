import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worldFactory, type World } from '../helpers/factories.js';
import type { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createTicket } from '../helpers/tickets.js';

let server: TestServer;
let world: World;
let base: string;

beforeAll(async () => {
  server = await startTestServer({ env: { TRESEN_ATTACHMENT_MAX_BYTES: String(64 * 1024) } });
  world = await worldFactory(server.orm, server.url);
  base = new URL(server.url).origin;
});
afterAll(() => server?.close());

function auth(client: Gql): Record<string, string> {
  return client.credentials.bearer
    ? { authorization: `Bearer ${client.credentials.bearer}` }
    : { cookie: `tresen_session=${client.credentials.cookie}`, 'x-tresen-upload': '1' };
}

async function upload(client: Gql, name: string, body: Buffer | string, type = 'text/plain', headers: Record<string, string> = auth(client)) {
  const response = await fetch(`${base}/attachments`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-filename': encodeURIComponent(name), ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as { id: string; filename: string; size: number; error?: { code: string } } };
}

describe('attachments', () => {
  it('uploads, attaches to a note, and serves it only as a download to those who may see the ticket', async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId, 'Mit Anhang');
    const uploaded = await upload(world.asAgent, '../../etc/<script>.html', '<script>alert(1)</script>', 'text/html');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.filename).toBe('_script_.html');
    await world.asAgent.data('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', {
      i: { ticketId: ticket.id, text: 'Siehe Anhang', attachmentIds: [uploaded.body.id] },
    });
    const { ticket: read } = await world.asAdmin.data<{ ticket: { messages: { attachments: { url: string; filename: string; size: number }[] }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { messages { attachments { url filename size } } } }',
      { id: ticket.id },
    );
    const attachment = read.messages.flatMap((m) => m.attachments)[0]!;
    expect(attachment).toMatchObject({ filename: '_script_.html', size: 25 });

    const download = await fetch(`${base}${attachment.url}`, { headers: auth(world.asAdmin) });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="?_script_\.html"?$/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await download.text()).toBe('<script>alert(1)</script>');

    for (const stranger of [world.asOutsider, world.asCustomer]) {
      expect((await fetch(`${base}${attachment.url}`, { headers: auth(stranger) })).status).toBeGreaterThanOrEqual(401);
    }
    expect((await fetch(`${base}${attachment.url}`)).status).toBe(401);
    expect((await fetch(`${base}/attachments/not-a-uuid`, { headers: auth(world.asAdmin) })).status).toBe(404);
  });

  it('stores identical content once', async () => {
    const a = await upload(world.asAgent, 'a.txt', 'same content');
    const b = await upload(world.asAgent, 'b.txt', 'same content');
    expect(a.body.id).not.toBe(b.body.id);
    const [row] = await server.orm.em
      .getConnection()
      .execute<{ n: string }[]>('select count(*) as n from attachment_blobs where tenant_id = ? and size = 12', [world.tenantId]);
    expect(Number(row?.n)).toBe(1);
  });

  it('refuses files over the limit, empty files, uploads without the CSRF header, and read-only tokens', async () => {
    expect((await upload(world.asAgent, 'big.bin', Buffer.alloc(65 * 1024), 'application/octet-stream')).status).toBe(413);
    expect((await upload(world.asAgent, 'empty.txt', '')).status).toBe(400);
    expect((await upload(world.asAgent, 'x.txt', 'x', 'text/plain', { cookie: `tresen_session=${world.asAgent.credentials.cookie}` })).status).toBe(400);
    expect((await upload(world.asReadToken, 'x.txt', 'x')).status).toBe(403);
    expect((await upload(world.asCustomer, 'x.txt', 'x')).status).toBe(401);
  });

  it("does not let anyone attach another person's upload", async () => {
    const ticket = await createTicket(world.asAgent, world.sharedDepartmentId);
    const mine = await upload(world.asAgent, 'mine.txt', 'private draft');
    const result = await world.asAdmin.request('mutation ($i: TicketNoteAddInput!) { ticketNoteAdd(input: $i) { id } }', {
      i: { ticketId: ticket.id, text: 'stolen', attachmentIds: [mine.body.id] },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
    const { ticket: read } = await world.asAgent.data<{ ticket: { messages: unknown[] } }>('query ($id: ID!) { ticket(id: $id) { messages { id } } }', {
      id: ticket.id,
    });
    expect(read.messages).toHaveLength(1);
  });
});
