import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, departmentFactory, staffFactory, tenantFactory } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createTicket } from '../helpers/tickets.js';

const WAIT = { timeout: 10_000 };
/** The Ticket-Support group's default hourly rate in a new tenant. */
const RATE_CENTS = 9500;

/**
 * Time tracking and billing in real Chromium: an agent runs the timer of a ticket (ticking live in
 * the ticket and in the header), stops it and adds time by hand, and sees time that a timer switch
 * in another tab recorded; an admin bills the ticket and finds the quote with the right amount,
 * its lines and its CSV.
 */
describe('time tracking and billing in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;
  let agent: { email: string; id: string };
  let admin: { email: string; id: string };
  let ticket: { id: string; number: number };
  let switchFrom: { id: string; number: number };
  let switchTo: { id: string; number: number };
  let asAgent: Gql;

  beforeAll(async () => {
    if (!existsSync('client/dist/index.html')) throw new Error('client/dist is missing: run `npm run build:client` first (npm test does).');
    server = await startTestServer({ env: { TRESEN_SERVE_CLIENT: 'true' } });
    base = new URL(server.url).origin;
    const tenantId = await tenantFactory(server.orm, 'Zeit & Geld GmbH');
    const departmentId = await departmentFactory(server.orm, tenantId, 'Support', true);
    admin = await staffFactory(server.orm, tenantId, 'admin');
    agent = await staffFactory(server.orm, tenantId, 'agent', [departmentId]);
    const asAdmin = await Gql.login(server.url, admin.email, PASSWORD);
    const { userGroups } = await asAdmin.data<{ userGroups: { id: string; name: string }[] }>('{ userGroups { id name } }');
    const support = userGroups.find((group) => group.name === 'Ticket-Support')!.id;
    await asAdmin.data('mutation ($i: StaffUpdateInput!) { staffUpdate(input: $i) { id } }', { i: { id: agent.id, groupIds: [support] } });
    const { customerCreate } = await asAdmin.data<{ customerCreate: { id: string } }>(
      'mutation { customerCreate(input: { name: "Bäckerei Korn", isCompany: true }) { id } }',
    );
    asAgent = await Gql.login(server.url, agent.email, PASSWORD);
    const consenting = async (subject: string) => {
      const created = await createTicket(asAgent, departmentId, subject, 'Seit dem Update bleibt die Kasse schwarz.', { customerId: customerCreate.id });
      await asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
        i: { id: created.id, version: created.version, timeTrackingAllowed: true },
      });
      return created;
    };
    ticket = await consenting('Kasse startet nicht');
    switchFrom = await consenting('Bondrucker klemmt');
    switchTo = await consenting('Waage zeigt falsch an');
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(email: string, locale: string): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ locale, viewport: { width: 1400, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return { page, errors };
  }

  /** Waits until a clock shows more seconds than it did, i.e. it really ticks. */
  async function ticks(clock: Locator): Promise<void> {
    await clock.waitFor(WAIT);
    const before = Number(await clock.getAttribute('data-seconds'));
    await expect.poll(async () => Number(await clock.getAttribute('data-seconds')), WAIT).toBeGreaterThan(before);
  }

  it('runs the timer live in the ticket and the header, records it on stop, and adds time by hand', async () => {
    const { page, errors } = await signIn(agent.email, 'de-DE');
    await page.goto(`${base}/tickets/${ticket.number}`);
    const toggle = page.getByTestId('timer-toggle');
    await expect.poll(() => toggle.textContent(), WAIT).toContain('Timer starten');
    await toggle.click();

    await ticks(page.getByTestId('timer-elapsed'));
    const header = page.getByTestId('running-timer');
    await header.waitFor(WAIT);
    expect(await header.getAttribute('data-ticket-number')).toBe(String(ticket.number));
    await ticks(page.getByTestId('running-timer-elapsed'));

    await toggle.click();
    // A few seconds count as one minute, the least a timer records.
    const entries = page.getByTestId('time-entry');
    await entries.first().waitFor(WAIT);
    expect(await entries.first().getAttribute('data-minutes')).toBe('1');
    await header.waitFor({ state: 'detached', ...WAIT });

    await page.getByTestId('time-add-section').locator('summary').click();
    await page.getByTestId('time-minutes').fill('1:30');
    await page.getByTestId('time-note').fill('Kasse neu eingerichtet');
    await page.getByTestId('time-add').click();
    await page.locator('[data-testid="time-entry"][data-minutes="90"]').filter({ hasText: 'Kasse neu eingerichtet' }).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('time-total').getAttribute('data-minutes'), WAIT).toBe('91');
    await expect.poll(() => page.getByTestId('time-unbilled').getAttribute('data-minutes'), WAIT).toBe('91');
    expect(errors).toEqual([]);
  });

  it('shows the time recorded when a timer started elsewhere stops the one of this ticket', async () => {
    const { page, errors } = await signIn(agent.email, 'en-US');
    await page.goto(`${base}/tickets/${switchFrom.number}`);
    await page.getByTestId('time-empty').waitFor(WAIT);
    // In another tab (here: the API) the agent starts a timer on this ticket, then one on another
    // ticket, which stops this one and records its time here.
    const start = 'mutation ($t: ID!) { timerStart(ticketId: $t) { ticketId } }';
    await asAgent.data(start, { t: switchFrom.id });
    await page.getByTestId('timer-elapsed').waitFor(WAIT);
    await asAgent.data(start, { t: switchTo.id });
    await page.locator('[data-testid="time-entry"][data-minutes="1"]').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('running-timer').getAttribute('data-ticket-number'), WAIT).toBe(String(switchTo.number));
    expect(await page.getByTestId('timer-toggle').textContent()).toContain('Start timer');
    await page.getByTestId('running-timer-stop').click();
    await page.getByTestId('running-timer').waitFor({ state: 'detached', ...WAIT });
    expect(errors).toEqual([]);
  });

  it('bills the ticket on the billing screen and shows the quote with its amount and lines', async () => {
    const { page, errors } = await signIn(admin.email, 'en-US');
    await page.getByTestId('nav-billing').click();
    const row = page.locator(`[data-testid="billing-row"][data-number="${ticket.number}"]`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('billing-unbilled').textContent()).toContain('1:31');
    await row.getByTestId('billing-check').check();
    await page.getByTestId('billing-submit').click();

    // 91 minutes at €95.00 an hour: 91 × 9500 / 60 = 14,408.33 cents, rounded half up to the cent.
    const cents = Math.round((91 * RATE_CENTS) / 60);
    const quote = page.getByTestId('billed-quote');
    await quote.waitFor(WAIT);
    expect(await quote.getAttribute('data-total-cents')).toBe(String(cents));
    expect(await quote.getByTestId('quote-total').textContent()).toBe('€144.08');
    await row.waitFor({ state: 'detached', ...WAIT });

    await quote.getByTestId('billed-quote-link').click();
    const document = page.getByTestId('quote-document');
    await document.waitFor(WAIT);
    expect(await document.getByTestId('quote-customer').textContent()).toBe('Bäckerei Korn');
    const lines = document.getByTestId('quote-line');
    expect(await lines.count()).toBe(1);
    expect(await lines.first().getAttribute('data-ticket-number')).toBe(String(ticket.number));
    expect(await lines.first().textContent()).toContain('Kasse startet nicht');
    expect(await lines.first().textContent()).toContain('1.52');
    expect(await document.getByTestId('quote-total').textContent()).toBe('€144.08');
    expect(await page.getByTestId('quote-status').getAttribute('data-status')).toBe('DRAFT');

    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('quote-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^quote-\d+\.csv$/);
    expect(await readFile((await download.path())!, 'utf8')).toContain('"144.08"');
    expect(errors).toEqual([]);
  });
});
