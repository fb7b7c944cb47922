import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot, type DovecotAccount } from '../helpers/dovecot.js';
import { PASSWORD, departmentFactory, staffFactory, tenantFactory } from '../helpers/factories.js';
import { newMessageId, rawMail } from '../helpers/mail.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SCREENSHOTS = 'test-results/e2e';
/** Polled conditions get this long; the worker's timings below make each of them a matter of a second or two. */
const WAIT = { timeout: 10_000 };

/** An HTML mail with a reply quote and an image, as Gmail or Thunderbird write an automatic answer. */
function htmlAutoReply(subject: string, imageUrl: string): string {
  const boundary = `b-${newMessageId('x')}`;
  return [
    'From: Erika Mustermann <erika@customer.example>',
    'To: support@tresen.example',
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${newMessageId()}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Ich bin bis Montag nicht im Haus.',
    '',
    'On Mon, 3 Mar 2025 at 09:00, Tresen Support <support@tresen.example> wrote:',
    '> Ihr Drucker ist repariert.',
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    `<p>Ich bin bis <b>Montag</b> nicht im Haus.</p><p><img src="${imageUrl}" alt="Logo" width="32" height="32"></p>`,
    '<div>On Mon, 3 Mar 2025 at 09:00, Tresen Support &lt;<a href="mailto:support@tresen.example">support@tresen.example</a>&gt; wrote:<br></div>',
    '<blockquote><p>Ihr Drucker ist repariert.</p></blockquote>',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/**
 * Mail import in real Chromium, against a real server with its mail worker and a real Dovecot: an
 * admin sets up a mailbox in the form and watches it connect; a mail delivered to Dovecot then
 * shows up in the inbox without a reload, unread and with a notification, and opening it marks it
 * read. The ticket view collapses quoted text, badges automatic mail and loads images on request.
 */
describe('mail import in the console', () => {
  const tenants = new Set<string>();
  let dovecot: Dovecot;
  let server: TestServer;
  let browser: Browser;
  let base: string;
  let admin: { email: string };
  let account: DovecotAccount;

  beforeAll(async () => {
    if (!existsSync('client/dist/index.html')) throw new Error('client/dist is missing: run `npm run build:client` first (npm test does).');
    dovecot = await startDovecot();
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
    });
    base = new URL(server.url).origin;
    const tenantId = await tenantFactory(server.orm, 'Posteingang GmbH');
    tenants.add(tenantId);
    await departmentFactory(server.orm, tenantId, 'Support', true);
    admin = await staffFactory(server.orm, tenantId, 'admin');
    account = await dovecot.createUser();
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
    await dovecot?.stop();
  });

  async function signIn(locale: string): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ locale, viewport: { width: 1400, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(admin.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return { page, errors };
  }

  it('sets up a mailbox in the form, shows it connected, and brings new mail into the inbox live, unread and announced', async () => {
    const { page, errors } = await signIn('en-US');
    await page.getByTestId('nav-mailboxes').click();
    await page.getByTestId('mailboxes-empty').waitFor(WAIT);

    await page.getByTestId('mailbox-add').click();
    const form = page.getByTestId('mailbox-form');
    await form.getByTestId('mailbox-address').fill(`${account.user}@tresen.example`);
    await form.getByTestId('mailbox-host').fill(dovecot.host);
    await form.getByTestId('mailbox-security').selectOption('NONE');
    await form.getByTestId('mailbox-port').fill(String(dovecot.port));
    await form.getByTestId('mailbox-user').fill(account.user);
    await form.getByTestId('mailbox-password').fill('not the password');
    await form.getByTestId('mailbox-test').click();
    await form.locator('[data-testid="mailbox-test-result"][data-state="LOGIN"]').waitFor(WAIT);
    await form.getByTestId('mailbox-password').fill(account.password);
    await form.getByTestId('mailbox-test').click();
    await form.locator('[data-testid="mailbox-test-result"][data-state="OK"]').waitFor(WAIT);
    await form.getByTestId('mailbox-save').click();

    const row = page.getByTestId('mailbox-row');
    await page.getByTestId('mailbox-created').waitFor(WAIT);
    await page.locator('[data-testid="mailbox-row"][data-connection="IDLE"]').waitFor(WAIT);
    expect(await row.count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/mailboxes-en.png`, fullPage: true });

    // The inbox is opened in the app (no page load) before the mail exists.
    await page.getByTestId('nav-home').click();
    await page.getByTestId('ticket-search').waitFor(WAIT);
    await dovecot.append(account.user, 'INBOX', rawMail({ subject: 'Drucker im Lager streikt' }));

    const ticketRow = page.locator('[data-testid="ticket-row"][data-unread="true"]').filter({ hasText: 'Drucker im Lager streikt' });
    await ticketRow.waitFor(WAIT);
    expect(await ticketRow.getByTestId('ticket-unread').textContent()).toContain('Unread');
    const notice = page.getByTestId('mail-notice').filter({ hasText: 'Drucker im Lager streikt' });
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain('New mail');
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-new-mail-en.png` });

    await notice.getByRole('link').click();
    await page.waitForURL(/\/tickets\/\d+$/);
    expect(await page.getByTestId('ticket-title').textContent()).toContain('Drucker im Lager streikt');
    await page.getByTestId('ticket-back').click();
    await page.locator('[data-testid="ticket-row"][data-unread="false"]').filter({ hasText: 'Drucker im Lager streikt' }).waitFor(WAIT);
    expect(errors).toEqual([]);
  });

  it('shows automatic mail with its badge, collapses the quote, and loads images only when asked', async () => {
    const { page, errors } = await signIn('de-DE');
    // An image of our own origin, so the page's content security policy lets it load once asked for.
    await dovecot.append(account.user, 'INBOX', htmlAutoReply('Abwesenheitsnotiz: Drucker', `${base}/favicon.svg`));
    const ticketRow = page.locator('[data-testid="ticket-row"]').filter({ hasText: 'Abwesenheitsnotiz: Drucker' });
    await ticketRow.waitFor(WAIT);
    await ticketRow.getByRole('link').click();

    const message = page.getByTestId('message').first();
    await message.getByTestId('message-automatic').waitFor(WAIT);
    expect(await message.getByTestId('message-automatic').getAttribute('data-kind')).toBe('AUTO_REPLY');
    expect(await message.getByTestId('message-automatic').textContent()).toContain('Automatische Antwort');
    expect(await message.getByTestId('message-body').textContent()).toContain('nicht im Haus');
    expect(await message.getByTestId('message-body').textContent()).not.toContain('repariert');

    const quoted = message.getByTestId('quoted-text');
    expect(await quoted.isVisible()).toBe(false);
    await message.getByTestId('quote-toggle').click();
    await quoted.waitFor({ state: 'visible', ...WAIT });
    expect(await quoted.textContent()).toContain('Ihr Drucker ist repariert.');
    expect(await message.getByTestId('quote-toggle').getAttribute('aria-expanded')).toBe('true');

    const image = message.locator('[data-testid="message-body"] img');
    expect(await image.getAttribute('src')).toBeNull();
    await message.getByTestId('remote-images-load').click();
    await message.getByTestId('remote-images').waitFor({ state: 'detached', ...WAIT });
    expect(await image.getAttribute('src')).toBe(`${base}/favicon.svg`);
    // Loaded, not only given an address (the test tsconfig has no DOM types, hence the shape).
    const loaded = () =>
      image.evaluate((element) => {
        const img = element as unknown as { complete: boolean; naturalWidth: number };
        return img.complete && img.naturalWidth > 0;
      });
    await expect.poll(loaded, WAIT).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/ticket-automatic-de.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
