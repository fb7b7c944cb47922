import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, departmentFactory, portalCustomerFactory, staffFactory, tenantFactory } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { sendingMailbox, startSmtp, type TestSmtp } from '../helpers/smtp.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-results/e2e';
const WAIT = { timeout: 15_000 };
/** Each scenario drives one or two browsers through many pages: more than the default 30 s on a busy machine. */
const SCENARIO_MS = 90_000;

/**
 * The customer portal in a real Chromium against a real server serving the built client: a contact
 * signs in, opens a ticket, an agent answers in the console, the answer appears in the portal
 * without reload, the ticket is closed and the contact rates it. Screenshots in German and English.
 */
describe('customer portal in Chromium', () => {
  let server: TestServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let base: string;
  let agentEmail: string;
  let adminEmail: string;
  let api: Gql;
  let contact: { email: string };

  beforeAll(async () => {
    if (!existsSync('client/dist/portal.html')) throw new Error('client/dist/portal.html is missing: run `npm run build:client` first (npm test does).');
    smtp = await startSmtp();
    server = await startTestServer({
      env: { TRESEN_SERVE_CLIENT: 'true' },
      mailWorker: { acceptTenant: () => false },
      outbox: { retryDelaySeconds: 1, retryDelayMaxSeconds: 1, retryLimit: 2, pollSeconds: 0.5 },
    });
    base = new URL(server.url).origin;
    const tenantId = await tenantFactory(server.orm, 'Müller Haustechnik');
    const support = await departmentFactory(server.orm, tenantId, 'Support', true);
    const admin = await staffFactory(server.orm, tenantId, 'admin');
    const agent = await staffFactory(server.orm, tenantId, 'agent', [support]);
    agentEmail = agent.email;
    adminEmail = admin.email;
    const asAdmin = await Gql.login(server.url, admin.email, PASSWORD);
    api = await Gql.login(server.url, agent.email, PASSWORD);
    await sendingMailbox(asAdmin, support, smtp, 'support@mueller.example');
    const customer = await portalCustomerFactory(server.orm, tenantId, [{ name: 'Erika Muster' }], 'Muster GmbH');
    contact = customer.contacts['Erika Muster']!;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.stop();
  });

  async function open(locale: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1200, height: 820 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    return { context, page, problems };
  }

  async function portalSignIn(page: Page): Promise<void> {
    await page.goto(`${base}/portal/`);
    await page.waitForURL(/\/portal\/sign-in/, WAIT);
    await page.getByTestId('portal-email').fill(contact.email);
    await page.getByTestId('portal-password').fill(PASSWORD);
    await page.getByTestId('portal-password').press('Enter');
    await page.waitForURL((url) => url.pathname === '/portal/', WAIT);
  }

  it(
    'a contact opens a ticket, sees the agent’s answer live, and rates the closed ticket',
    async () => {
      const { page, problems } = await open('de-DE');
      await page.goto(`${base}/portal/`);
      await page.waitForURL(/\/portal\/sign-in/, WAIT);
      await page.getByTestId('portal-email').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-sign-in-de.png`, fullPage: true });
      await page.getByTestId('portal-email').fill(contact.email);
      await page.getByTestId('portal-password').fill('falsch-falsch');
      await page.getByTestId('portal-sign-in-submit').click();
      expect(await page.getByTestId('portal-sign-in-error').textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch.');
      await page.getByTestId('portal-password').fill(PASSWORD);
      await page.getByTestId('portal-password').press('Enter');
      await page.waitForURL((url) => url.pathname === '/portal/', WAIT);
      await page.getByText('Noch keine Tickets').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-empty-de.png`, fullPage: true });

      // A new request, with a file, by keyboard where a person would use it.
      await page.getByTestId('portal-nav-new').click();
      await page.getByTestId('portal-create-subject').waitFor(WAIT);
      await page.keyboard.type('Heizung fällt aus');
      await page.getByTestId('portal-create-text').fill('Seit heute Morgen bleibt die Heizung kalt.');
      await page.getByTestId('portal-create-files').setInputFiles({ name: 'anzeige.txt', mimeType: 'text/plain', buffer: Buffer.from('Fehler E42') });
      await page.getByText('anzeige.txt').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-new-ticket-de.png`, fullPage: true });
      await page.getByTestId('portal-create-submit').click();
      await page.waitForURL(/\/portal\/tickets\/\d+/, WAIT);
      const number = Number(/\/tickets\/(\d+)/.exec(page.url())![1]);
      await page.getByTestId('portal-messages').getByText('Seit heute Morgen').waitFor(WAIT);
      expect(await page.getByTestId('portal-ticket-status').textContent()).toBe('Eingegangen');
      // The confirmation went out from the department's address, automatic, with the portal link.
      await expect.poll(() => smtp.received.filter((m) => m.envelopeTo.includes(contact.email)).length, WAIT).toBe(1);
      const confirmation = smtp.received.find((m) => m.envelopeTo.includes(contact.email))!;
      expect(confirmation.parsed.subject).toContain(`[#${number}]`);
      expect(confirmation.parsed.text).toMatch(/\/portal\/t\//);

      // The agent answers in the console.
      const agent = await open('en-US');
      await agent.page.goto(`${base}/login`);
      await agent.page.getByTestId('login-email').fill(agentEmail);
      await agent.page.getByTestId('login-password').fill(PASSWORD);
      await agent.page.getByTestId('login-password').press('Enter');
      await agent.page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);
      await agent.page.goto(`${base}/tickets/${number}`);
      const editor = agent.page.getByTestId('reply-form').getByTestId('reply-editor');
      await editor.waitFor(WAIT);
      await editor.click();
      await agent.page.keyboard.type('Ein Techniker kommt heute um 14 Uhr.');
      await agent.page.keyboard.press('Control+Enter');
      await agent.page.locator('[data-testid="message"][data-kind="OUTBOUND"]').waitFor(WAIT);

      // ... and it appears in the portal without a reload.
      await page.getByTestId('portal-messages').getByText('Ein Techniker kommt heute um 14 Uhr.').waitFor(WAIT);
      await page.getByTestId('portal-ticket-status').getByText('Beantwortet').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-ticket-answered-de.png`, fullPage: true });

      // The contact answers, the agent closes, the portal shows the rating form live.
      await page.getByTestId('portal-reply').fill('Danke, passt!');
      await page.getByTestId('portal-reply').press('Control+Enter');
      await page.getByTestId('portal-messages').getByText('Danke, passt!').waitFor(WAIT);
      const { ticketByNumber } = await api.data<{ ticketByNumber: { id: string } }>('query ($n: Int!) { ticketByNumber(number: $n) { id } }', { n: number });
      await api.data('mutation ($id: ID!) { ticketClose(id: $id) { id } }', { id: ticketByNumber.id });
      await page.getByTestId('portal-rate-good').waitFor(WAIT);
      await page.getByTestId('portal-rate-good').check();
      await page.getByTestId('portal-rate-comment').fill('Schnell und freundlich.');
      await page.screenshot({ path: `${SCREENSHOTS}/portal-rating-de.png`, fullPage: true });
      await page.getByTestId('portal-rate-submit').click();
      await page.getByTestId('portal-rating-value').waitFor(WAIT);
      expect(await page.getByTestId('portal-rating-value').textContent()).toContain('Gut');
      const { ticket } = await api.data<{ ticket: { rating: { good: boolean; comment: string } } }>(
        'query ($id: ID!) { ticket(id: $id) { rating { good comment } } }',
        {
          id: ticketByNumber.id,
        },
      );
      expect(ticket.rating).toEqual({ good: true, comment: 'Schnell und freundlich.' });
      expect(problems).toEqual([]);
      expect(agent.problems).toEqual([]);
      await agent.context.close();
    },
    SCENARIO_MS,
  );

  it(
    'reads in English, with the list, a ticket, the sign-in link form and an invalid link',
    async () => {
      const { page, problems } = await open('en-US');
      await page.goto(`${base}/portal/sign-in`);
      await page.getByTestId('portal-email').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-sign-in-en.png`, fullPage: true });
      await page.getByTestId('portal-mode-link').click();
      await page.getByTestId('portal-email').fill('nobody@example.test');
      await page.getByTestId('portal-sign-in-submit').click();
      await page.getByTestId('portal-link-sent').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-link-sent-en.png`, fullPage: true });
      await page.goto(`${base}/portal/sign-in/not-a-token`);
      await page.getByTestId('portal-link-invalid').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-link-invalid-en.png`, fullPage: true });

      await page.goto(`${base}/portal/reset/not-a-token`);
      await page.getByTestId('portal-new-password').fill('a new password for me');
      await page.screenshot({ path: `${SCREENSHOTS}/portal-set-password-en.png`, fullPage: true });
      await page.getByTestId('portal-new-password-save').click();
      await page.getByTestId('portal-link-invalid').waitFor(WAIT);

      await portalSignIn(page);
      await page.getByTestId('portal-state-ALL').check();
      await page.getByTestId('portal-ticket-list').waitFor(WAIT);
      await page.screenshot({ path: `${SCREENSHOTS}/portal-list-en.png`, fullPage: true });
      await page.getByTestId('portal-search').fill('nothing-matches-this');
      await page.getByText('No ticket matches your search.').waitFor(WAIT);
      await page.getByTestId('portal-search').fill('Heizung');
      await page.getByTestId('portal-ticket-list').getByRole('link', { name: 'Heizung fällt aus' }).click();
      await page.getByTestId('portal-ticket').waitFor(WAIT);
      expect(await page.getByTestId('portal-ticket-status').textContent()).toBe('Closed');
      await page.screenshot({ path: `${SCREENSHOTS}/portal-ticket-en.png`, fullPage: true });
      await page.goto(`${base}/portal/new`);
      await page.getByTestId('portal-create-subject').waitFor(WAIT);
      await page.getByTestId('portal-create-submit').click();
      await page.screenshot({ path: `${SCREENSHOTS}/portal-new-ticket-en.png`, fullPage: true });
      await page.goto(`${base}/portal/tickets/999999`);
      await page.getByText('This ticket does not exist or is not yours to see.').waitFor(WAIT);
      expect(problems).toEqual([]);
    },
    SCENARIO_MS,
  );

  it(
    "shows the team the rating, lets an admin manage the contact's portal access and view the portal as the contact",
    async () => {
      const { page, problems } = await open('de-DE');
      await page.goto(`${base}/login`);
      await page.getByTestId('login-email').fill(adminEmail);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-password').press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);
      await page.goto(`${base}/tickets/1`);
      const panel = page.getByTestId('ticket-portal-panel');
      await panel.waitFor(WAIT);
      expect(await panel.getByTestId('ticket-rating').textContent()).toContain('Schnell und freundlich.');
      await panel.getByTestId('ticket-portal-rights').check();
      await expect
        .poll(
          async () =>
            (
              await api.data<{ ticketByNumber: { contact: { seesCustomerTickets: boolean } } }>(
                '{ ticketByNumber(number: 1) { contact { seesCustomerTickets } } }',
              )
            ).ticketByNumber.contact.seesCustomerTickets,
          WAIT,
        )
        .toBe(true);
      await panel.screenshot({ path: `${SCREENSHOTS}/console-ticket-portal-panel-de.png` });
      const [viewAs] = await Promise.all([page.context().waitForEvent('page'), panel.getByTestId('ticket-portal-view-as').click()]);
      await viewAs.waitForURL(/\/portal\/$/, WAIT);
      await viewAs.getByText('Sie sehen den Kundenbereich so, wie dieser Kunde ihn sieht.').waitFor(WAIT);
      await viewAs.getByTestId('portal-state-ALL').check();
      await viewAs.getByTestId('portal-ticket-1').waitFor(WAIT);
      expect(await viewAs.getByTestId('portal-nav-new').count()).toBe(0);
      await viewAs.screenshot({ path: `${SCREENSHOTS}/portal-view-as-de.png`, fullPage: true });
      await page.goto(`${base}/admin/ratings`);
      await page.getByTestId('ratings-departments').waitFor(WAIT);
      expect(await page.getByTestId('ratings-departments').textContent()).toContain('100');
      await page.screenshot({ path: `${SCREENSHOTS}/console-ratings-de.png`, fullPage: true });
      expect(problems).toEqual([]);
    },
    SCENARIO_MS,
  );
});
