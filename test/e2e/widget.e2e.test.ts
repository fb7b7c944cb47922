import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, departmentFactory, staffFactory, tenantFactory } from '../helpers/factories.js';
import { Gql, sleep } from '../helpers/graphql.js';
import { freePort } from '../helpers/dovecot.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { sendingMailbox, startSmtp, type TestSmtp } from '../helpers/smtp.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-results/e2e';
const WAIT = { timeout: 15_000 };

/**
 * The widget on someone else's site, in real Chromium: a static page on another origin
 * (127.0.0.1:<port>) embeds it with the one script line while Tresen is reached as localhost. A
 * visitor opens it with the keyboard, meets the errors, sends a request; the ticket appears live in
 * an agent's inbox and the confirmation mail reaches the SMTP server. German and English.
 */
describe('contact widget in Chromium', () => {
  const tenants = new Set<string>();
  let smtp: TestSmtp;
  let server: TestServer;
  let site: Server;
  let siteOrigin: string;
  let tresen: string;
  let browser: Browser;
  let key: string;
  let agent: { email: string };
  let admin: { email: string };

  beforeAll(async () => {
    if (!existsSync('client/dist/index.html') || !existsSync('client/dist-widget/widget.js'))
      throw new Error('client/dist or client/dist-widget is missing: run `npm run build:client` first (npm test does).');
    smtp = await startSmtp();
    server = await startTestServer({
      env: { TRESEN_SERVE_CLIENT: 'true' },
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
    tresen = `http://localhost:${new URL(server.url).port}`;
    const tenantId = await tenantFactory(server.orm, 'Widget GmbH');
    tenants.add(tenantId);
    const support = await departmentFactory(server.orm, tenantId, 'Support', true);
    admin = await staffFactory(server.orm, tenantId, 'admin');
    agent = await staffFactory(server.orm, tenantId, 'agent', [support]);
    const asAdmin = await Gql.login(server.url, admin.email, PASSWORD);
    await sendingMailbox(asAdmin, support, smtp, 'support@widget.example');

    const sitePort = await freePort();
    siteOrigin = `http://127.0.0.1:${sitePort}`;
    const { widgetCreate } = await asAdmin.data<{ widgetCreate: { key: string } }>(`mutation ($i: WidgetCreateInput!) { widgetCreate(input: $i) { key } }`, {
      i: {
        name: 'Website',
        departmentId: support,
        allowedOrigins: [siteOrigin],
        primaryColor: '#0b6e4f',
        texts: [
          { language: 'DE', title: 'Fragen? Schreiben Sie uns', thanks: 'Danke! Wir melden uns per E-Mail.' },
          { language: 'EN', title: 'Questions? Write to us' },
        ],
      },
    });
    key = widgetCreate.key;
    // Another site: a plain page with the one script line, nothing else of ours.
    site = createServer((req, res) => {
      const lang = req.url?.includes('lang=en') ? 'en' : 'de';
      const [title, text] = lang === 'de' ? ['Bäckerei Beispiel', 'Frische Brötchen jeden Morgen.'] : ['Example Bakery', 'Fresh bread every morning.'];
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:sans-serif;margin:2rem"><h1>${title}</h1><p>${text}</p>
<script src="${tresen}/widget.js" data-widget="${key}" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(sitePort, '127.0.0.1', () => resolve()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    await server?.close();
    await smtp?.stop();
  });

  async function signIn(email: string, locale: string, path = '/'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${tresen}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    if (path !== '/') await page.goto(`${tresen}${path}`);
    return page;
  }

  async function visitor(locale: string, lang: 'de' | 'en'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1100, height: 820 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${siteOrigin}/?lang=${lang}`);
    await page.getByTestId('widget-launcher').waitFor(WAIT);
    return { context, page, problems };
  }

  /** The element focused inside the widget's shadow root (document.activeElement is its host). */
  const focused = (page: Page) =>
    page.evaluate<string | null>(`(() => {
      const active = document.querySelector('[data-tresen-widget]')?.shadowRoot?.activeElement;
      return active ? (active.getAttribute('data-testid') ?? active.getAttribute('name') ?? active.tagName) : null;
    })()`);

  it('lets a German visitor send a request with the keyboard; the ticket appears live and the confirmation arrives', async () => {
    const inbox = await signIn(agent.email, 'de-DE');
    await inbox.getByTestId('ticket-search').waitFor(WAIT);

    const { page, problems, context } = await visitor('de-DE', 'de');
    const loadedAt = Date.now();
    const launcher = page.getByTestId('widget-launcher');
    expect(await launcher.textContent()).toContain('Fragen? Schreiben Sie uns');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-closed-de.png` });

    // Keyboard only: Tab reaches the launcher, Enter opens the dialog with focus in the first field.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('widget-launcher');
    await page.keyboard.press('Enter');
    await page.getByTestId('widget-dialog').waitFor(WAIT);
    await expect.poll(() => focused(page), WAIT).toBe('widget-name');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('dialog', { name: 'Fragen? Schreiben Sie uns' }).count()).toBe(1);
    expect(await page.getByLabel('E-Mail-Adresse').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-open-de.png` });

    // Focus stays in the dialog: Shift+Tab from the first field reaches the close button, then wraps to the send button.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('widget-close');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('widget-submit');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('widget-close');

    // Escape closes and gives focus back to the launcher; Enter opens it again.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('widget-dialog').isVisible(), WAIT).toBe(false);
    expect(await focused(page)).toBe('widget-launcher');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), WAIT).toBe('widget-name');

    // Sending it empty: errors next to the fields, announced, focus on the first wrong field.
    await page.getByTestId('widget-submit').press('Enter');
    await expect.poll(() => page.getByTestId('widget-alert').textContent(), WAIT).toContain('Die Anfrage wurde nicht gesendet');
    expect(await page.getByTestId('widget-alert').getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('widget-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('widget-email').getAttribute('aria-describedby')).toMatch(/email-error$/);
    expect(await focused(page)).toBe('widget-name');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-error-de.png` });

    const email = `erika-${Date.now()}@kunde.example`;
    const subject = `Bestellung ${Date.now()} fehlt`;
    await page.keyboard.type('Erika Mustermann');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(subject);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Meine Bestellung vom Montag ist nicht angekommen.');
    await page.getByTestId('widget-attachment').setInputFiles({ name: 'beleg.txt', mimeType: 'text/plain', buffer: Buffer.from('Bestellnummer 4711') });
    await page.getByTestId('widget-attachment').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('widget-submit');
    // A person needs longer than the minimum fill time (3 s); the keyboard above may be faster.
    await sleep(Math.max(0, loadedAt + 3200 - Date.now()));
    await page.keyboard.press('Enter');
    await page.getByTestId('widget-thanks').waitFor(WAIT);
    expect(await page.getByTestId('widget-thanks').textContent()).toBe('Danke! Wir melden uns per E-Mail.');
    expect(await page.getByTestId('widget-thanks').getAttribute('role')).toBe('status');
    expect(await focused(page)).toBe('widget-thanks');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-thanks-de.png` });
    expect(problems, 'no errors on the site').toEqual([]);
    await context.close();

    // The agent's inbox shows it without a reload.
    const row = inbox.locator('[data-testid="ticket-row"]').filter({ hasText: subject });
    await row.waitFor(WAIT);
    const number = await row.getAttribute('data-number');
    expect(number).toMatch(/^\d+$/);
    await inbox.screenshot({ path: `${SCREENSHOTS}/widget-ticket-live-de.png` });
    await inbox.context().close();

    await expect.poll(() => smtp.received.filter((mail) => mail.envelopeTo.includes(email)).length, WAIT).toBe(1);
    const mail = smtp.received.find((received) => received.envelopeTo.includes(email))!;
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.parsed.subject).toContain(`[#${number}]`);
    expect(mail.parsed.text).toContain(`Ihre Ticketnummer ist ${number}`);
    expect(mail.parsed.text).toMatch(/https?:\/\/\S+/);
  });

  it('speaks English on an English page and shows server errors too', async () => {
    const { page, problems, context } = await visitor('en-US', 'en');
    // The launcher shows once the configuration (with the form's signed time) has arrived.
    const loadedAt = Date.now();
    const launcher = page.getByTestId('widget-launcher');
    expect(await launcher.textContent()).toContain('Questions? Write to us');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-closed-en.png` });
    await launcher.press('Enter');
    await expect.poll(() => focused(page), WAIT).toBe('widget-name');
    expect(await page.getByLabel('E-mail address').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-open-en.png` });

    await page.getByTestId('widget-name').fill('John Doe');
    // An address the browser's check lets through but the server refuses: the server's field error shows at the field.
    await page.getByTestId('widget-email').fill('john@exa_mple.com');
    await page.getByTestId('widget-subject').fill('Opening hours');
    await page.getByTestId('widget-message').fill('When do you open on Sundays?');
    await sleep(Math.max(0, loadedAt + 3200 - Date.now()));
    const refused = page.waitForResponse((response) => response.url().endsWith('/requests'));
    await page.getByTestId('widget-submit').press('Enter');
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.locator('#tresen-w-email-error').textContent(), WAIT).toBe('Please enter a valid e-mail address.');
    expect(await page.getByTestId('widget-email').getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toBe('widget-email');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-error-en.png` });

    await page.getByTestId('widget-email').fill(`john-${Date.now()}@example.com`);
    await page.getByTestId('widget-submit').press('Enter');
    await page.getByTestId('widget-thanks').waitFor(WAIT);
    expect(await page.getByTestId('widget-thanks').textContent()).toContain('Thank you!');
    await page.screenshot({ path: `${SCREENSHOTS}/widget-thanks-en.png` });
    // Closing after sending returns to the launcher; opening again gives a fresh form.
    await page.getByTestId('widget-done').press('Enter');
    expect(await focused(page)).toBe('widget-launcher');
    // Chromium logs the refused request itself; nothing else went wrong.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await context.close();
  });

  it('shows nothing on a site that is not allowed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The same page from "localhost:<site port>": another origin than the allowed 127.0.0.1 one.
    const config = page.waitForResponse((response) => response.url().includes('/config'));
    await page.goto(siteOrigin.replace('127.0.0.1', 'localhost'));
    expect((await config).status()).toBe(403);
    await sleep(300);
    expect(await page.getByTestId('widget-launcher').count()).toBe(0);
    await context.close();
  });

  it('serves the hosted form page that works with JavaScript switched off', async () => {
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false, viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${tresen}/contact/${key}`);
    expect(await page.locator('h1').textContent()).toBe('Fragen? Schreiben Sie uns');
    const loadedAt = Date.now();
    await page.getByLabel('Name').fill('Max Muster');
    await page.getByLabel('E-Mail-Adresse').fill('kaputt');
    await page.getByLabel('Betreff').fill('Ohne Skripte');
    await page.getByLabel('Nachricht').fill('Geht das auch ohne JavaScript?');
    await sleep(Math.max(0, loadedAt + 3200 - Date.now()));
    await page.getByRole('button', { name: 'Senden' }).click();
    await page.getByRole('alert').waitFor(WAIT);
    // The answer is a new page with a new signed time: the minimum fill time starts again.
    const errorPageAt = Date.now();
    expect(await page.locator('#email-error').textContent()).toBe('Bitte geben Sie eine gültige E-Mail-Adresse an.');
    expect(await page.getByLabel('Nachricht').inputValue()).toBe('Geht das auch ohne JavaScript?');
    await page.screenshot({ path: `${SCREENSHOTS}/contact-page-error-de.png`, fullPage: true });
    await page.getByLabel('E-Mail-Adresse').fill(`max-${Date.now()}@kunde.example`);
    await sleep(Math.max(0, errorPageAt + 3200 - Date.now()));
    await page.getByRole('button', { name: 'Senden' }).click();
    await page.waitForURL(/\/thanks\?lang=de$/, WAIT);
    expect(await page.getByRole('status').textContent()).toBe('Danke! Wir melden uns per E-Mail.');
    await page.screenshot({ path: `${SCREENSHOTS}/contact-page-thanks-de.png`, fullPage: true });
    await context.close();
  });

  it('lets an admin edit the widget with a live preview and copy the embed code', async () => {
    for (const [locale, lang] of [
      ['de-DE', 'de'],
      ['en-US', 'en'],
    ] as const) {
      const page = await signIn(admin.email, locale, '/admin/widgets');
      await page.getByTestId('widget-row').first().waitFor(WAIT);
      await page.getByTestId('widget-edit').first().click();
      const snippet = page.locator('input[id$="-snippet"]');
      await snippet.waitFor(WAIT);
      expect(await snippet.inputValue()).toBe(`<script src="${tresen}/widget.js" data-widget="${key}" async></script>`);
      const preview = page.getByTestId('widget-preview');
      const previewTitle = () => preview.evaluate((host) => host.shadowRoot?.querySelector('h2')?.textContent ?? '');
      expect(await previewTitle()).toBe('Fragen? Schreiben Sie uns');
      await page.getByTestId('widget-title-DE').fill('Hallo!');
      await expect.poll(previewTitle, WAIT).toBe('Hallo!');
      await page.getByTestId('widget-primary').fill('#7a1fa2');
      await expect
        .poll(
          () =>
            page.evaluate<string>(
              `getComputedStyle(document.querySelector('[data-testid="widget-preview"]').shadowRoot.querySelector('.tw-head')).backgroundColor`,
            ),
          WAIT,
        )
        .toBe('rgb(122, 31, 162)');
      await page.screenshot({ path: `${SCREENSHOTS}/widget-admin-${lang}.png`, fullPage: true });
      await page.context().close();
    }
  });
});
