import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../server/src/infra/sql.js';
import { PORTAL_MAIL_LIMITS } from '../../server/src/modules/portal/portal-limiter.js';
import { PASSWORD, portalCustomerFactory, worldFactory, type World } from '../helpers/factories.js';
import { eventually, Gql, portalCookieOf, portalUrl, sleep } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { sendingMailbox, startSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';

/**
 * Signing in to the portal and the mails around it, against a real server with its outbox and a
 * real SMTP server: password, one-time links, resets, invitations, the portal link in replies and
 * the rating request on close.
 */
let server: TestServer;
let smtp: TestSmtp;
let world: World;
let portal: Gql;
let customer: Awaited<ReturnType<typeof portalCustomerFactory>>;

const LOGIN = 'mutation ($e: String!, $p: String!) { portalLogin(email: $e, password: $p) { name customerName } }';
const MAGIC = 'mutation ($e: String!) { portalMagicLinkRequest(email: $e) }';
const MAGIC_IN = 'mutation ($t: String!) { portalMagicLinkSignIn(token: $t) { name readOnly } }';
const RESET = 'mutation ($e: String!) { portalPasswordResetRequest(email: $e) }';
const RESET_DO = 'mutation ($t: String!, $p: String!) { portalPasswordReset(token: $t, password: $p) { name } }';

/** The mails the SMTP server got for one address. */
const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.envelopeTo.includes(address));
/** The token of the first `/portal/<kind>/<token>` link in a mail. */
const linkToken = (mail: ReceivedMail, kind: string) => new RegExp(`/portal/${kind}/([A-Za-z0-9._~-]+)`).exec(mail.parsed.text ?? '')?.[1];

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({
    mailWorker: { acceptTenant: () => false },
    outbox: { retryDelaySeconds: 1, retryDelayMaxSeconds: 1, retryLimit: 1, pollSeconds: 0.5 },
  });
  world = await worldFactory(server.orm, server.url);
  portal = new Gql(portalUrl(server.url));
  customer = await portalCustomerFactory(server.orm, world.tenantId, [{ name: 'Paula' }, { name: 'Quentin' }, { name: 'Rita' }]);
  await sendingMailbox(world.asAdmin, world.sharedDepartmentId, smtp, 'support@tresen.example');
});
afterAll(async () => {
  await server?.close();
  await smtp?.stop();
});

describe('password sign-in', () => {
  it('sets the portal cookie on its own path, HttpOnly, and signs in', async () => {
    const result = await portal.request<{ portalLogin: { name: string; customerName: string } }>(LOGIN, {
      e: customer.contacts.Paula!.email.toUpperCase(),
      p: PASSWORD,
    });
    expect(result.data?.portalLogin).toEqual({ name: 'Paula', customerName: customer.name });
    const cookie = result.setCookie.find((c) => c.startsWith('tresen_portal='))!;
    expect(cookie).toMatch(/Path=\/portal/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(result.setCookie.some((c) => c.startsWith('tresen_session='))).toBe(false);
  });

  it('answers a wrong password and an unknown address the same, and staff cannot sign in here', async () => {
    const wrong = await portal.request(LOGIN, { e: customer.contacts.Paula!.email, p: 'falsch-falsch-falsch' });
    const unknown = await portal.request(LOGIN, { e: 'niemand@example.test', p: PASSWORD });
    const staff = await portal.request(LOGIN, { e: world.admin.email, p: PASSWORD });
    for (const result of [wrong, unknown, staff]) {
      expect(result.errors?.[0]).toMatchObject({ message: 'E-mail address or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
      expect(portalCookieOf(result.setCookie)).toBeUndefined();
    }
  });

  it('is only possible on the portal endpoint', async () => {
    const result = await new Gql(server.url).request(LOGIN, { e: customer.contacts.Paula!.email, p: PASSWORD });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.setCookie).toEqual([]);
  });

  it('rate limits repeated failures, even with the right password afterwards', async () => {
    const email = customer.contacts.Rita!.email;
    for (let i = 0; i < 5; i++)
      expect((await portal.request(LOGIN, { e: email, p: `falsch-${i}-falsch` })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await portal.request(LOGIN, { e: email, p: PASSWORD })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('logs out: the session ends', async () => {
    const paula = await Gql.portalLogin(server.url, customer.contacts.Paula!.email, PASSWORD);
    await paula.data('mutation { portalLogout }');
    expect((await paula.data<{ portalMe: unknown }>('{ portalMe { name } }')).portalMe).toBeNull();
  });
});

describe('one-time sign-in links', () => {
  it('mails a link from the department address, marked automatic, that signs in once', async () => {
    const email = customer.contacts.Quentin!.email;
    expect((await portal.data<{ portalMagicLinkRequest: boolean }>(MAGIC, { e: email })).portalMagicLinkRequest).toBe(true);
    await eventually(() => mailsTo(email).length === 1, 'the sign-in mail');
    const mail = mailsTo(email)[0]!;
    expect(mail.parsed.from?.value[0]?.address).toBe('support@tresen.example');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const token = linkToken(mail, 'sign-in')!;
    const first = await portal.request<{ portalMagicLinkSignIn: { name: string; readOnly: boolean } }>(MAGIC_IN, { t: token });
    expect(first.data?.portalMagicLinkSignIn).toEqual({ name: 'Quentin', readOnly: false });
    expect(portalCookieOf(first.setCookie)).toBeDefined();
    const again = await portal.request(MAGIC_IN, { t: token });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(portalCookieOf(again.setCookie)).toBeUndefined();
  });

  it('refuses an expired link', async () => {
    const email = customer.contacts.Quentin!.email;
    const before = mailsTo(email).length;
    await portal.data(MAGIC, { e: email });
    await eventually(() => mailsTo(email).length === before + 1, 'the second sign-in mail');
    await sql(server.orm.em.fork(), "update portal_links set expires_at = now() - interval '1 second' where tenant_id = ? and used_at is null", [
      world.tenantId,
    ]);
    expect(await portal.errorCode(MAGIC_IN, { t: linkToken(mailsTo(email).at(-1)!, 'sign-in')! })).toBe('BAD_USER_INPUT');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = smtp.received.length;
    expect((await portal.data<{ portalMagicLinkRequest: boolean }>(MAGIC, { e: 'unbekannt@example.test' })).portalMagicLinkRequest).toBe(true);
    await sleep(500);
    expect(smtp.received.length).toBe(before);
    expect(await portal.errorCode(MAGIC, { e: 'kein-at-zeichen' })).toBe('BAD_USER_INPUT');
  });

  it('limits the mails per address', async () => {
    const email = 'flut@example.test';
    for (let i = 0; i < PORTAL_MAIL_LIMITS.perEmail; i++) await portal.data(MAGIC, { e: email });
    expect(await portal.errorCode(MAGIC, { e: email })).toBe('RATE_LIMITED');
    expect(await portal.errorCode(RESET, { e: email })).toBe('RATE_LIMITED');
  });
});

describe('password reset and invitation', () => {
  it('sets a new password with a reset link, ends other sessions, and refuses a short one without using the link up', async () => {
    const email = customer.contacts.Paula!.email;
    const other = await Gql.portalLogin(server.url, email, PASSWORD);
    await portal.data(RESET, { e: email });
    await eventually(() => mailsTo(email).length === 1, 'the reset mail');
    const token = linkToken(mailsTo(email)[0]!, 'reset')!;
    const short = await portal.request(RESET_DO, { t: token, p: 'kurz' });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const done = await portal.request<{ portalPasswordReset: { name: string } }>(RESET_DO, { t: token, p: 'ein ganz neues Passwort' });
    expect(done.data?.portalPasswordReset.name).toBe('Paula');
    expect((await other.data<{ portalMe: unknown }>('{ portalMe { name } }')).portalMe).toBeNull();
    await Gql.portalLogin(server.url, email, 'ein ganz neues Passwort');
    expect((await portal.request(LOGIN, { e: email, p: PASSWORD })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await portal.errorCode(RESET_DO, { t: token, p: 'noch ein neues Passwort' })).toBe('BAD_USER_INPUT');
  });

  it('lets an admin invite a contact, who chooses a password with the link', async () => {
    const { customerCreate } = await world.asAdmin.data<{ customerCreate: { id: string; contacts: { id: string; email: string; hasPortalLogin: boolean }[] } }>(
      'mutation ($i: CustomerCreateInput!) { customerCreate(input: $i) { id contacts { id email hasPortalLogin } } }',
      { i: { name: 'Neukunde GmbH', isCompany: true, contacts: [{ name: 'Nora Neu', email: 'nora@neukunde.example' }] } },
    );
    const contact = customerCreate.contacts[0]!;
    expect(contact.hasPortalLogin).toBe(false);
    expect(await world.asAgent.errorCode('mutation ($c: ID!) { contactPortalInvite(contactId: $c) { id } }', { c: contact.id })).toBe('FORBIDDEN');
    const invited = await world.asAdmin.data<{ contactPortalInvite: { hasPortalLogin: boolean } }>(
      'mutation ($c: ID!) { contactPortalInvite(contactId: $c) { hasPortalLogin } }',
      {
        c: contact.id,
      },
    );
    expect(invited.contactPortalInvite.hasPortalLogin).toBe(true);
    await eventually(() => mailsTo('nora@neukunde.example').length === 1, 'the invitation');
    const token = linkToken(mailsTo('nora@neukunde.example')[0]!, 'invite')!;
    await portal.data(RESET_DO, { t: token, p: 'mein erstes Passwort' });
    await Gql.portalLogin(server.url, 'nora@neukunde.example', 'mein erstes Passwort');
  });
});

describe('mails about tickets', () => {
  it("puts the portal link under a reply to the ticket's contact only, and it opens that ticket", async () => {
    const email = customer.contacts.Quentin!.email;
    const { ticketCreate } = await world.asAgent.data<{ ticketCreate: { id: string; number: number } }>(
      'mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id number } }',
      {
        i: {
          subject: 'VPN geht nicht',
          departmentId: world.sharedDepartmentId,
          text: 'Telefonat',
          customerId: customer.id,
          contactId: customer.contacts.Quentin!.id,
        },
      },
    );
    const REPLY = 'mutation ($i: TicketReplyInput!) { ticketReply(input: $i) { id } }';
    const before = mailsTo(email).length;
    await world.asAgent.data(REPLY, { i: { ticketId: ticketCreate.id, to: [email], body: 'Bitte neu starten.' } });
    await world.asAgent.data(REPLY, { i: { ticketId: ticketCreate.id, to: [email], cc: ['lieferant@example.test'], body: 'Mit dem Lieferanten.' } });
    await eventually(() => mailsTo(email).length === before + 2, 'both replies');
    const [toContact, withCc] = mailsTo(email).slice(before);
    const plain = [toContact, withCc].find((m) => m!.parsed.text?.includes('Bitte neu starten'))!;
    const shared = [toContact, withCc].find((m) => m!.parsed.text?.includes('Mit dem Lieferanten'))!;
    const token = linkToken(plain, 't');
    expect(token).toBeDefined();
    expect(plain.parsed.html).toContain('/portal/t/');
    expect(linkToken(shared, 't')).toBeUndefined();
    // The stored message does not keep the link: it is made when the mail is sent.
    const stored = await sql<{ body_text: string }>(server.orm.em.fork(), "select body_text from messages where ticket_id = ? and kind = 'outbound'", [
      ticketCreate.id,
    ]);
    expect(stored.every((m) => !m.body_text.includes('/portal/t/'))).toBe(true);
    const opened = await portal.request<{ portalTicketLinkOpen: { ticketNumber: number } }>(
      'mutation ($t: String!) { portalTicketLinkOpen(token: $t) { ticketNumber } }',
      { t: token },
    );
    expect(opened.data?.portalTicketLinkOpen.ticketNumber).toBe(ticketCreate.number);
  });

  it('asks for a rating once when a ticket closes, where the department wants it', async () => {
    const email = customer.contacts.Rita!.email;
    await world.asAdmin.data('mutation ($i: DepartmentUpdateInput!) { departmentUpdate(input: $i) { ratingMailEnabled } }', {
      i: { id: world.sharedDepartmentId, ratingMailEnabled: true },
    });
    const { ticketCreate } = await world.asAgent.data<{ ticketCreate: { id: string } }>(
      'mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id } }',
      {
        i: {
          subject: 'Passwort vergessen',
          departmentId: world.sharedDepartmentId,
          text: 'Anruf',
          customerId: customer.id,
          contactId: customer.contacts.Rita!.id,
        },
      },
    );
    const before = mailsTo(email).length;
    await world.asAgent.data('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: ticketCreate.id });
    await eventually(() => mailsTo(email).length === before + 1, 'the rating request');
    const request = mailsTo(email).at(-1)!;
    expect(request.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(request.parsed.text).toMatch(/\/portal\/t\/\S+\?rate=good/);
    expect(request.parsed.text).toMatch(/\/portal\/t\/\S+\?rate=bad/);
    await world.asAgent.data('mutation ($id: ID!) { ticketReopen(id: $id) { id } }', { id: ticketCreate.id });
    await world.asAgent.data('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: ticketCreate.id });
    await sleep(1500);
    expect(mailsTo(email).length).toBe(before + 1);
  });
});
