import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Department } from '../../server/src/modules/departments/department.entity.js';
import { Contact } from '../../server/src/modules/customers/customer.entity.js';
import { Message } from '../../server/src/modules/messages/message.entity.js';
import { Ticket } from '../../server/src/modules/tickets/ticket.entity.js';
import { Widget } from '../../server/src/modules/widget/widget.entity.js';
import { WIDGET_RATE_LIMITS } from '../../server/src/modules/widget/widget-limiter.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { PASSWORD, departmentFactory, staffFactory, tenantFactory, worldFactory, type World } from '../helpers/factories.js';
import { Gql, sleep } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { freshIp, multipart, send, type HttpAnswer, type RequestFields } from '../helpers/widget.js';

const SITE = 'https://www.kunde.example';
const OTHER_SITE = 'https://evil.example';
const WIDGET_FIELDS = 'id key name departmentId enabled available allowedOrigins primaryColor primaryTextColor texts { language title intro thanks }';
const CREATE = `mutation ($i: WidgetCreateInput!) { widgetCreate(input: $i) { ${WIDGET_FIELDS} } }`;
const UPDATE = `mutation ($i: WidgetUpdateInput!) { widgetUpdate(input: $i) { ${WIDGET_FIELDS} } }`;
const DELETE = 'mutation ($id: ID!) { widgetDelete(id: $id) }';
const LIST = `{ widgets { ${WIDGET_FIELDS} } }`;

interface WidgetRow {
  id: string;
  key: string;
  departmentId: string;
  enabled: boolean;
  available: boolean;
  allowedOrigins: string[];
  primaryColor: string;
  texts: { language: string; title: string }[];
}

let server: TestServer;
let base: string;
let world: World;
let widget: WidgetRow;
/** A token issued more than 3 s ago (the minimum fill time); tokens may be used more than once. */
let token: string;

async function createWidget(input: Record<string, unknown> = {}): Promise<WidgetRow> {
  const { widgetCreate } = await world.asAdmin.data<{ widgetCreate: WidgetRow }>(CREATE, {
    i: { name: 'Website', departmentId: world.sharedDepartmentId, allowedOrigins: [SITE], ...input },
  });
  return widgetCreate;
}

async function configOf(key: string, origin = SITE, ip = freshIp()): Promise<HttpAnswer> {
  return send(`${base}/widget/${key}/config`, { ip, headers: { origin } });
}

const valid = (overrides: RequestFields = {}): RequestFields => ({
  name: 'Erika Mustermann',
  email: `erika-${Math.random().toString(36).slice(2, 8)}@kunde.example`,
  subject: 'Drucker druckt nicht',
  message: 'Seit heute Morgen kommt nur noch leeres Papier heraus.',
  website: '',
  token,
  ...overrides,
});

async function post(fields: RequestFields, options: { key?: string; ip?: string; origin?: string | null } = {}): Promise<HttpAnswer> {
  const { body, type } = await multipart(fields);
  const origin = options.origin === undefined ? SITE : options.origin;
  return send(`${base}/widget/${options.key ?? widget.key}/requests`, {
    method: 'POST',
    ip: options.ip ?? freshIp(),
    headers: { 'content-type': type, ...(origin ? { origin } : {}) },
    body,
  });
}

const tickets = () => server.orm.em.fork().count(Ticket, { tenantId: world.tenantId });

beforeAll(async () => {
  if (!existsSync('client/dist-widget/widget.js')) throw new Error('client/dist-widget is missing: run `npm run build:client` first (npm test does).');
  server = await startTestServer({ redisUrl: TEST_REDIS_URL, outbox: { pollSeconds: 0.5 } });
  base = new URL(server.url).origin;
  world = await worldFactory(server.orm, server.url);
  widget = await createWidget();
  token = (await configOf(widget.key)).json<{ token: string }>().token;
  await sleep(3100);
});
afterAll(() => server?.close());

describe('widget requests', () => {
  it('opens exactly one ticket in the widget department, with its contact, message and attachment', async () => {
    const before = await tickets();
    const email = `neu-${Date.now()}@kunde.example`;
    const answer = await post(valid({ email, attachment: { name: 'foto.png', type: 'image/png', data: Buffer.from('png bytes') } }));
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({ status: 'received' });
    expect(answer.headers['access-control-allow-origin']).toBe(SITE);
    expect(await tickets()).toBe(before + 1);
    const em = server.orm.em.fork();
    const contact = await em.findOneOrFail(Contact, { tenantId: world.tenantId, email });
    const ticket = await em.findOneOrFail(Ticket, { tenantId: world.tenantId, contactId: contact.id });
    expect(ticket).toMatchObject({ departmentId: world.sharedDepartmentId, channel: 'widget', subject: 'Drucker druckt nicht' });
    expect(contact.name).toBe('Erika Mustermann');
    const [message] = await em.find(Message, { tenantId: world.tenantId, ticketId: ticket.id, kind: 'inbound' });
    expect(message?.bodyText).toContain('leeres Papier');
    const files = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ filename: string; size: number }[]>('select filename, size from attachments where tenant_id = ? and message_id = ?', [
        world.tenantId,
        message!.id,
      ]);
    expect(files).toEqual([{ filename: 'foto.png', size: 9 }]);
  });

  it('answers a known and an unknown address exactly the same', async () => {
    const known = `bekannt-${Date.now()}@kunde.example`;
    expect((await post(valid({ email: known }))).status).toBe(202);
    const again = await post(valid({ email: known }));
    const unknown = await post(valid({ email: `unbekannt-${Date.now()}@kunde.example` }));
    expect(again.status).toBe(unknown.status);
    expect(again.text).toBe(unknown.text);
    const strip = (headers: HttpAnswer['headers']) =>
      Object.keys(headers)
        .filter((name) => name !== 'date' && name !== 'etag')
        .sort();
    expect(strip(again.headers)).toEqual(strip(unknown.headers));
    expect(again.headers['content-length']).toBe(unknown.headers['content-length']);
  });

  const badInputs: [string, () => Promise<RequestFields>, number, string, string | undefined][] = [
    ['a missing e-mail address', async () => valid({ email: '' }), 400, 'BAD_USER_INPUT', 'email'],
    ['an invalid e-mail address', async () => valid({ email: 'erika at kunde' }), 400, 'BAD_USER_INPUT', 'email'],
    ['an address with a line break', async () => valid({ email: 'a@b.example\r\nBcc: x@y.example' }), 400, 'BAD_USER_INPUT', 'email'],
    ['an empty message', async () => valid({ message: '   \n ' }), 400, 'BAD_USER_INPUT', 'message'],
    ['a message over 10,000 characters', async () => valid({ message: 'x'.repeat(10_001) }), 400, 'BAD_USER_INPUT', 'message'],
    ['a missing name', async () => valid({ name: '' }), 400, 'BAD_USER_INPUT', 'name'],
    ['a missing subject', async () => valid({ subject: ' ' }), 400, 'BAD_USER_INPUT', 'subject'],
    ['a filled honeypot', async () => valid({ website: 'http://spam.example' }), 400, 'BAD_USER_INPUT', 'website'],
    ['a forged token', async () => valid({ token: `${Date.now() - 10_000}.${'A'.repeat(43)}` }), 400, 'BAD_USER_INPUT', 'token'],
    ['no token', async () => valid({ token: '' }), 400, 'BAD_USER_INPUT', 'token'],
    [
      'a form sent faster than 3 seconds after loading',
      async () => valid({ token: (await configOf(widget.key)).json<{ token: string }>().token }),
      400,
      'BAD_USER_INPUT',
      'token',
    ],
    [
      'an attachment over 5 MiB',
      async () => valid({ attachment: { name: 'big.bin', type: 'application/octet-stream', data: Buffer.alloc(5 * 1024 * 1024 + 1) } }),
      413,
      'BAD_USER_INPUT',
      'attachment',
    ],
    [
      'a body over the total limit',
      async () => valid({ attachment: { name: 'huge.bin', type: 'application/octet-stream', data: Buffer.alloc(8 * 1024 * 1024) } }),
      413,
      'BAD_USER_INPUT',
      'attachment',
    ],
    ['two attachments', async () => valid({ attachment: { name: 'a.txt', type: 'text/plain', data: Buffer.from('a') } }), 400, 'BAD_USER_INPUT', 'attachment'],
  ];

  it.each(badInputs)('refuses %s with a clear error and creates nothing', async (label, fields, status, code, field) => {
    const before = await tickets();
    let answer: HttpAnswer;
    if (label === 'two attachments') {
      const form = await multipart(await fields());
      // A second file part appended by hand: FormData in the test would do the same.
      const boundary = /boundary=(.+)$/.exec(form.type)![1]!;
      const extra = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="b.txt"\r\nContent-Type: text/plain\r\n\r\nb\r\n`,
      );
      const body = Buffer.concat([extra, form.body]);
      answer = await send(`${base}/widget/${widget.key}/requests`, {
        method: 'POST',
        ip: freshIp(),
        headers: { 'content-type': form.type, origin: SITE },
        body,
      });
    } else {
      answer = await post(await fields());
    }
    expect(answer.status, label).toBe(status);
    const { error } = answer.json<{ error: { code: string; message: string; field?: string } }>();
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await tickets()).toBe(before);
  });

  it('refuses a post from a site that is not allowed, and does not let it read the answer', async () => {
    const before = await tickets();
    const answer = await post(valid(), { origin: OTHER_SITE });
    expect(answer.status).toBe(403);
    expect(answer.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(await tickets()).toBe(before);
  });

  it('answers the CORS preflight only for allowed origins', async () => {
    const preflight = (origin: string) =>
      send(`${base}/widget/${widget.key}/requests`, {
        method: 'OPTIONS',
        ip: freshIp(),
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(SITE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(SITE);
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    const refused = await preflight(OTHER_SITE);
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect((await configOf(widget.key, OTHER_SITE)).status).toBe(403);
  });

  it('answers unknown, malformed and switched-off widgets with not found and creates nothing', async () => {
    const before = await tickets();
    const unknownKey = `${world.tenantId.replaceAll('-', '')}${'0'.repeat(31)}1`;
    for (const key of [unknownKey, 'not-a-key', `${'f'.repeat(64)}`]) {
      const answer = await post(valid(), { key });
      expect(answer.status, key).toBe(404);
      expect(answer.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    }
    const off = await createWidget({ enabled: false });
    const answer = await post(valid(), { key: off.key });
    expect(answer.status).toBe(404);
    expect((await configOf(off.key)).status).toBe(404);
    expect(await tickets()).toBe(before);
  });

  it('stops taking requests when its department is no longer public', async () => {
    const departmentId = await departmentFactory(server.orm, world.tenantId, 'Vertrieb', true);
    const sales = await createWidget({ departmentId });
    const salesToken = (await configOf(sales.key)).json<{ token: string }>().token;
    await sleep(3100);
    const em = server.orm.em.fork();
    const department = await em.findOneOrFail(Department, { id: departmentId });
    department.isPublic = false;
    await em.flush();
    const before = await tickets();
    const answer = await post(valid({ token: salesToken }), { key: sales.key });
    expect(answer.status).toBe(404);
    expect(answer.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    expect(await tickets()).toBe(before);
    const { widgets } = await world.asAdmin.data<{ widgets: WidgetRow[] }>(LIST);
    expect(widgets.find((w) => w.id === sales.id)).toMatchObject({ enabled: true, available: false });
  });
});

describe('rate limits', () => {
  it('limits 100 posts in a minute from one IP to the allowed few; another IP and the hosted page still work', async () => {
    const before = await tickets();
    const flooder = freshIp();
    const answers: number[] = [];
    for (let i = 0; i < 100; i += 1) answers.push((await post(valid({ email: `flood-${i}@spam.example` }), { ip: flooder })).status);
    expect(answers.filter((status) => status === 202)).toHaveLength(WIDGET_RATE_LIMITS.perIp);
    expect(answers.slice(WIDGET_RATE_LIMITS.perIp).every((status) => status === 429)).toBe(true);
    expect(await tickets()).toBe(before + WIDGET_RATE_LIMITS.perIp);
    const limited = await post(valid(), { ip: flooder });
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    expect((await post(valid(), { ip: freshIp() })).status).toBe(202);
    const hosted = await postHosted({ ...valid(), email: `anders-${Date.now()}@kunde.example` }, freshIp());
    expect(hosted.status).toBe(303);
    expect(await tickets()).toBe(before + WIDGET_RATE_LIMITS.perIp + 2);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted; behind a trusted proxy it counts each visitor', async () => {
    const perIp = WIDGET_RATE_LIMITS.perIp;
    const visitor = (i: number) => `198.51.100.${i + 1}`;
    // Without TRESEN_TRUST_PROXY a made-up header changes nothing: one connection address, one allowance.
    const direct = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i <= perIp; i += 1) {
      const { body, type } = await multipart(valid());
      statuses.push(
        (
          await send(`${base}/widget/${widget.key}/requests`, {
            method: 'POST',
            ip: direct,
            headers: { 'content-type': type, origin: SITE, 'x-forwarded-for': visitor(i) },
            body,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([...Array<number>(perIp).fill(202), 429]);

    const behindProxy = await startTestServer({ redisUrl: TEST_REDIS_URL, env: { TRESEN_TRUST_PROXY: 'loopback' } });
    try {
      const proxied = `${new URL(behindProxy.url).origin}/widget/${widget.key}/requests`;
      const proxy = freshIp();
      const through = async (forwardedFor: string) => {
        const { body, type } = await multipart(valid());
        return (await send(proxied, { method: 'POST', ip: proxy, headers: { 'content-type': type, origin: SITE, 'x-forwarded-for': forwardedFor }, body }))
          .status;
      };
      // Many visitors behind one proxy address: each has an allowance of its own.
      const visitors: number[] = [];
      for (let i = 0; i <= perIp; i += 1) visitors.push(await through(`203.0.113.${(Date.now() % 200) + i}`));
      expect(visitors.every((status) => status === 202)).toBe(true);
      // One visitor: limited as before, however many proxies the header names before it.
      const one = `192.0.2.${Date.now() % 250}`;
      const same: number[] = [];
      for (let i = 0; i <= perIp; i += 1) same.push(await through(`${visitor(i)}, ${one}`));
      expect(same).toEqual([...Array<number>(perIp).fill(202), 429]);
    } finally {
      await behindProxy.close();
    }
  });

  it('limits requests for one e-mail address, whichever IP they come from', async () => {
    const email = `viel-${Date.now()}@kunde.example`;
    const statuses: number[] = [];
    for (let i = 0; i <= WIDGET_RATE_LIMITS.perAddress; i += 1) statuses.push((await post(valid({ email }), { ip: freshIp() })).status);
    expect(statuses).toEqual([...Array<number>(WIDGET_RATE_LIMITS.perAddress).fill(202), 429]);
    expect((await post(valid({ email: `wieder-${Date.now()}@kunde.example` }), { ip: freshIp() })).status).toBe(202);
  });
});

async function postHosted(fields: RequestFields, ip: string, lang = 'en'): Promise<HttpAnswer> {
  const { body, type } = await multipart(fields);
  return send(`${base}/contact/${widget.key}?lang=${lang}`, { method: 'POST', ip, headers: { 'content-type': type, origin: base }, body });
}

describe('hosted contact page', () => {
  it('serves a form that works without JavaScript: labels, token, honeypot, and a redirect to the thanks page', async () => {
    const page = await send(`${base}/contact/${widget.key}`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<html lang="de">');
    expect(page.text).toContain('<label for="email">E-Mail-Adresse');
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).not.toContain('<script');
    const pageToken = /name="token" value="([^"]+)"/.exec(page.text)![1]!;
    await sleep(3100);
    const before = await tickets();
    const answer = await postHosted(valid({ token: pageToken, email: `seite-${Date.now()}@kunde.example` }), freshIp(), 'de');
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`/contact/${widget.key}/thanks?lang=de`);
    expect(await tickets()).toBe(before + 1);
    const thanks = await send(`${base}${answer.headers.location}`);
    expect(thanks.text).toContain('Danke! Ihre Anfrage ist bei uns angekommen.');
  });

  it('shows errors next to the field, keeps what was typed and creates nothing', async () => {
    const before = await tickets();
    const answer = await postHosted(valid({ email: 'kaputt', message: 'Meine <b>Nachricht</b>' }), freshIp(), 'de');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('role="alert"');
    expect(answer.text).toContain('aria-invalid="true" aria-describedby="email-error"');
    expect(answer.text).toContain('Bitte geben Sie eine gültige E-Mail-Adresse an.');
    expect(answer.text).toContain('Meine &lt;b&gt;Nachricht&lt;/b&gt;');
    expect(await tickets()).toBe(before);
  });

  it('says "not available" for an unknown widget', async () => {
    const page = await send(`${base}/contact/${'0'.repeat(64)}?lang=en`);
    expect(page.status).toBe(404);
    expect(page.text).toContain('This contact form is not available.');
  });
});

describe('widget scripts', () => {
  it('serves the loader and the form to any site as JavaScript, cacheable', async () => {
    for (const file of ['widget.js', 'widget-form.js']) {
      const answer = await send(`${base}/${file}`, { headers: { origin: OTHER_SITE } });
      expect(answer.status, file).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
      expect(answer.headers['access-control-allow-origin']).toBe('*');
      expect(answer.headers['cache-control']).toBe('public, max-age=300');
    }
  });

  it('hands out colours, texts, limits and a token to allowed sites', async () => {
    const answer = await configOf(widget.key);
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(SITE);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json()).toMatchObject({ primaryColor: '#1f6feb', primaryTextColor: '#ffffff', limits: { attachmentBytes: 1024 * 1024 * 5 } });
  });
});

describe('widget administration', () => {
  it('lets an admin create, change and delete a widget, validating origins, colours, texts and the department', async () => {
    const created = await createWidget({
      allowedOrigins: ['https://a.example', 'http://localhost:8080/', 'https://a.example'],
      primaryColor: '#ABC',
      texts: [{ language: 'DE', title: 'Schreiben Sie uns' }],
    });
    expect(created).toMatchObject({ allowedOrigins: ['https://a.example', 'http://localhost:8080'], primaryColor: '#aabbcc', enabled: true, available: true });
    expect(created.key).toMatch(/^[0-9a-f]{64}$/);
    expect(created.texts.find((t) => t.language === 'DE')?.title).toBe('Schreiben Sie uns');
    const { widgetUpdate } = await world.asAdmin.data<{ widgetUpdate: WidgetRow }>(UPDATE, { i: { id: created.id, enabled: false, primaryColor: '#112233' } });
    expect(widgetUpdate).toMatchObject({ enabled: false, available: false, primaryColor: '#112233' });
    const bad: [Record<string, unknown>, string][] = [
      [{ allowedOrigins: ['https://a.example/path'] }, 'allowedOrigins'],
      [{ allowedOrigins: ['*'] }, 'allowedOrigins'],
      [{ allowedOrigins: ['javascript:alert(1)'] }, 'allowedOrigins'],
      [{ primaryColor: 'red' }, 'primaryColor'],
      [{ primaryTextColor: '#12345g' }, 'primaryTextColor'],
      [{ texts: [{ language: 'EN', title: 'x'.repeat(81) }] }, 'texts'],
      [{ name: ' ' }, 'name'],
      [{ departmentId: world.agent.privateDepartmentId }, 'departmentId'],
      [{ departmentId: await departmentFactory(server.orm, world.tenantId, 'Intern', false) }, 'departmentId'],
    ];
    for (const [change, field] of bad) {
      const result = await world.asAdmin.request(UPDATE, { i: { id: created.id, ...change } });
      expect(result.errors?.[0]?.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unchanged = await server.orm.em.fork().findOneOrFail(Widget, { id: created.id });
    expect(unchanged.primaryColor).toBe('#112233');
    expect((await world.asAdmin.data<{ widgetDelete: string }>(DELETE, { id: created.id })).widgetDelete).toBe(created.id);
    expect(await server.orm.em.fork().count(Widget, { id: created.id })).toBe(0);
  });

  it("gives agents, customers, API tokens and another tenant's admin nothing", async () => {
    const otherTenant = await tenantFactory(server.orm);
    const otherAdmin = await staffFactory(server.orm, otherTenant, 'admin');
    const asOtherAdmin = await Gql.login(server.url, otherAdmin.email, PASSWORD);
    const before = await server.orm.em.fork().findOneOrFail(Widget, { id: widget.id });
    const strangers: [string, Gql][] = [
      ['agent', world.asAgent],
      ['customer', world.asCustomer],
      ['read token', world.asReadToken],
      ['read-write token', world.asWriteToken],
      ['anonymous', new Gql(server.url)],
    ];
    for (const [who, client] of strangers) {
      expect(await client.errorCode(LIST), `${who}: widgets`).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      expect(await client.errorCode(CREATE, { i: { name: 'X', departmentId: world.sharedDepartmentId } }), `${who}: create`).toMatch(
        /FORBIDDEN|UNAUTHENTICATED/,
      );
      expect(await client.errorCode(UPDATE, { i: { id: widget.id, name: 'Mine' } }), `${who}: update`).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      expect(await client.errorCode(DELETE, { id: widget.id }), `${who}: delete`).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    // Another tenant's admin may manage widgets, but sees none of ours and cannot reach them by id.
    expect((await asOtherAdmin.data<{ widgets: WidgetRow[] }>(LIST)).widgets).toEqual([]);
    expect(await asOtherAdmin.errorCode(UPDATE, { i: { id: widget.id, name: 'Mine' } })).toBe('NOT_FOUND');
    expect(await asOtherAdmin.errorCode(DELETE, { id: widget.id })).toBe('NOT_FOUND');
    expect(await asOtherAdmin.errorCode(CREATE, { i: { name: 'X', departmentId: world.sharedDepartmentId } })).toBe('BAD_USER_INPUT');
    const after = await server.orm.em.fork().findOneOrFail(Widget, { id: widget.id });
    expect(after.name).toBe(before.name);
    expect(await server.orm.em.fork().count(Widget, { tenantId: otherTenant })).toBe(0);
  });
});
