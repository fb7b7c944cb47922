import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, departmentFactory, staffFactory, tenantFactory } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-results/e2e';

/**
 * The console in a real Chromium against a real server serving the built client (`npm run
 * build:client`, which npm test runs first): sign in, create a department, and watch it appear live
 * in a second, separately signed-in browser context.
 */
describe('console in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;
  let admin: { email: string };
  let agent: { email: string };

  beforeAll(async () => {
    if (!existsSync('client/dist/index.html')) throw new Error('client/dist is missing: run `npm run build:client` first (npm test does).');
    server = await startTestServer({ env: { TRESEN_SERVE_CLIENT: 'true' } });
    base = new URL(server.url).origin;
    const tenantId = await tenantFactory(server.orm, 'Browser GmbH');
    const support = await departmentFactory(server.orm, tenantId, 'Support', true);
    admin = await staffFactory(server.orm, tenantId, 'admin');
    agent = await staffFactory(server.orm, tenantId, 'agent', [support]);
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
  });

  async function signIn(email: string, locale: string): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${base}/admin/departments`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(problems, 'no errors in the page').toEqual([]);
    return page;
  }

  it('refuses a wrong password with a generic message', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(admin.email);
    await page.getByTestId('login-password').fill('wrong password!');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 10_000 }).toMatch(/\S/);
    expect(page.url()).toContain('/login');
    await page.context().close();
  });

  it('shows a new department live in a second browser context', async () => {
    const first = await signIn(admin.email, 'de-DE');
    const asAgent = await signIn(agent.email, 'en-US');
    await first.goto(`${base}/admin/departments`);
    await first.getByTestId('dept-row').first().waitFor();
    const secondAdmin = await signIn(admin.email, 'en-US');
    await secondAdmin.goto(`${base}/admin/departments`);
    await secondAdmin.getByTestId('dept-row').first().waitFor();
    const before = await secondAdmin.getByTestId('dept-row').count();

    await first.getByTestId('dept-name').fill('Reklamationen');
    await first.getByTestId('dept-public').check();
    await first.getByTestId('dept-name').press('Enter');
    await first.getByTestId('dept-row').filter({ hasText: 'Reklamationen' }).waitFor();

    // No reload in the second context: the row arrives over the WebSocket subscription.
    await secondAdmin.getByTestId('dept-row').filter({ hasText: 'Reklamationen' }).waitFor({ timeout: 10_000 });
    expect(await secondAdmin.getByTestId('dept-row').count()).toBe(before + 1);
    await first.screenshot({ path: `${SCREENSHOTS}/departments-de.png`, fullPage: true });
    await secondAdmin.screenshot({ path: `${SCREENSHOTS}/departments-live-en.png`, fullPage: true });

    // The German console speaks German, the English one English.
    expect(await first.locator('h1').first().textContent()).toMatch(/Abteilungen/);
    expect(await secondAdmin.locator('h1').first().textContent()).toMatch(/Departments/);
    // An agent has no admin pages in the navigation.
    expect(await asAgent.getByTestId('nav-departments').count()).toBe(0);
  });

  it('switches the language without a reload', async () => {
    const page = await signIn(admin.email, 'en-US');
    await page.goto(`${base}/admin/departments`);
    await page.getByTestId('dept-row').first().waitFor();
    expect(await page.locator('h1').first().textContent()).toMatch(/Departments/);
    await page.getByTestId('lang-switch').selectOption('de');
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 }).toMatch(/Abteilungen/);
  });
});
