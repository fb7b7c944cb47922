import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, departmentFactory, staffFactory, tenantFactory } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createTicket } from '../helpers/tickets.js';

const SCREENSHOTS = 'test-results/e2e';

/**
 * Two agents at work in real Chromium: a ticket created elsewhere appears in the inbox without a
 * reload; in the ticket, each sees the other's avatar, the typing warning, and the other's note.
 */
describe('ticket console in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;
  let departmentId: string;
  let alice: { email: string; id: string };
  let bob: { email: string; id: string };

  beforeAll(async () => {
    if (!existsSync('client/dist/index.html')) throw new Error('client/dist is missing: run `npm run build:client` first (npm test does).');
    server = await startTestServer({ env: { TRESEN_SERVE_CLIENT: 'true' } });
    base = new URL(server.url).origin;
    const tenantId = await tenantFactory(server.orm, 'Konsole GmbH');
    departmentId = await departmentFactory(server.orm, tenantId, 'Support', true);
    alice = await staffFactory(server.orm, tenantId, 'agent', [departmentId]);
    bob = await staffFactory(server.orm, tenantId, 'agent', [departmentId]);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(email: string, locale: string): Promise<Page> {
    const page = await (await browser.newContext({ locale, viewport: { width: 1400, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(errors).toEqual([]);
    return page;
  }

  it('shows a ticket created elsewhere in the inbox without a reload, and opens it with the keyboard', async () => {
    const page = await signIn(alice.email, 'de-DE');
    await page.goto(`${base}/`);
    await page.getByTestId('ticket-search').waitFor();
    const api = await Gql.login(server.url, bob.email, PASSWORD);
    const ticket = await createTicket(api, departmentId, 'Heizung im Lager ausgefallen', 'Seit heute Nacht ist es kalt.');
    const row = page.locator(`[data-testid="ticket-row"][data-number="${ticket.number}"]`);
    await row.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-live-de.png` });
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await page.waitForURL(new RegExp(`/tickets/${ticket.number}$`));
    expect(await page.getByTestId('ticket-title').textContent()).toContain('Heizung im Lager ausgefallen');
  });

  it('shows who else is in the ticket, warns while they type, and shows their note live', async () => {
    const api = await Gql.login(server.url, alice.email, PASSWORD);
    const ticket = await createTicket(api, departmentId, 'Zwei Bearbeiter', 'Wer übernimmt?');
    const first = await signIn(alice.email, 'de-DE');
    const second = await signIn(bob.email, 'en-US');
    await first.goto(`${base}/tickets/${ticket.number}`);
    await second.goto(`${base}/tickets/${ticket.number}`);
    await first.locator(`[data-testid="presence-avatar"][data-user-id="${bob.id}"]`).waitFor({ timeout: 10_000 });
    await second.locator(`[data-testid="presence-avatar"][data-user-id="${alice.id}"]`).waitFor({ timeout: 10_000 });
    // Only the other person is shown, never oneself.
    expect(await first.locator(`[data-testid="presence-avatar"][data-user-id="${alice.id}"]`).count()).toBe(0);

    await second.getByTestId('note-input').pressSequentially('Ich übernehme', { delay: 20 });
    await first.getByTestId('typing-warning').waitFor({ timeout: 10_000 });
    await first.screenshot({ path: `${SCREENSHOTS}/ticket-typing-de.png` });
    await second.getByTestId('note-input').press('Control+Enter');
    await first.locator('[data-testid="message"][data-kind="NOTE"]').filter({ hasText: 'Ich übernehme' }).waitFor({ timeout: 10_000 });
    await second.screenshot({ path: `${SCREENSHOTS}/ticket-note-en.png` });
  });
});
