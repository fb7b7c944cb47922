import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, departmentFactory, staffFactory, tenantFactory } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';

const SCREENSHOTS = 'test-results/e2e';
/** Polled conditions get this long; the outbox below polls every half second and retries after one. */
const WAIT = { timeout: 10_000 };
const CUSTOMER_EMAIL = 'erika@kunde.example';

/**
 * Answering by mail in real Chromium, against a real server with its outbox worker and a real SMTP
 * server (smtp-server on loopback): the composer starts prefilled, a template is picked with the
 * keyboard, files are chosen and dropped, the draft survives a reload, Ctrl+Enter sends, and the
 * reply's status changes in the thread without a reload until the SMTP server has it. A failed
 * reply can be resent, and a department without a sending address says why it cannot answer.
 */
describe('replies by mail in the console', () => {
  const tenants = new Set<string>();
  let smtp: TestSmtp;
  let server: TestServer;
  let browser: Browser;
  let base: string;
  let api: Gql;
  let supportId: string;
  let salesId: string;
  let customer: { id: string; contactId: string };

  beforeAll(async () => {
    if (!existsSync('client/dist/index.html')) throw new Error('client/dist is missing: run `npm run build:client` first (npm test does).');
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
    base = new URL(server.url).origin;
    const tenantId = await tenantFactory(server.orm, 'Antwort GmbH');
    tenants.add(tenantId);
    supportId = await departmentFactory(server.orm, tenantId, 'Support', true);
    salesId = await departmentFactory(server.orm, tenantId, 'Vertrieb', true);
    const admin = await staffFactory(server.orm, tenantId, 'admin');
    const agent = await staffFactory(server.orm, tenantId, 'agent', [supportId, salesId]);
    const asAdmin = await Gql.login(server.url, admin.email, PASSWORD);
    api = await Gql.login(server.url, agent.email, PASSWORD);

    // Support sends through the test SMTP server; its IMAP side stays off (nothing to import here).
    const { mailboxCreate } = await asAdmin.data<{ mailboxCreate: { id: string; version: number } }>(
      `mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id version } }`,
      {
        i: {
          address: 'support@antwort.example',
          departmentId: supportId,
          senderName: 'Antwort Support',
          host: '127.0.0.1',
          port: 143,
          security: 'NONE',
          user: 'support',
          password: 'unused',
          enabled: false,
        },
      },
    );
    await asAdmin.data(`mutation ($i: MailboxSendingUpdateInput!) { mailboxSendingUpdate(input: $i) { id } }`, {
      i: { id: mailboxCreate.id, version: mailboxCreate.version, enabled: true, host: '127.0.0.1', port: smtp.port, security: 'NONE' },
    });
    const cannedQuery = `mutation ($i: CannedReplyCreateInput!) { cannedReplyCreate(input: $i) { id } }`;
    await asAdmin.data(cannedQuery, {
      i: { departmentId: supportId, category: 'Drucker', title: 'Techniker kommt', body: 'Ein Techniker kommt morgen vorbei.' },
    });
    await asAdmin.data(cannedQuery, {
      i: {
        departmentId: supportId,
        category: 'Drucker',
        title: 'Toner bestellt',
        body: 'Hallo {{contactName}},\nder Toner für Ticket {{ticketNumber}} ist bestellt.',
      },
    });
    await asAdmin.data(cannedQuery, { i: { category: '', title: 'Danke', body: 'Vielen Dank für Ihre Nachricht.' } });
    const { customerCreate } = await api.data<{ customerCreate: { id: string; contacts: { id: string }[] } }>(
      `mutation ($i: CustomerCreateInput!) { customerCreate(input: $i) { id contacts { id } } }`,
      { i: { name: 'Muster GmbH', isCompany: true, contacts: [{ name: 'Erika Muster', email: CUSTOMER_EMAIL }] } },
    );
    customer = { id: customerCreate.id, contactId: customerCreate.contacts[0]!.id };

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
    await smtp?.stop();
  });

  /** A browser signed in as the agent with the session of the API client (signing in through the form is tested elsewhere). */
  async function signIn(locale: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: 'tresen_session', value: api.credentials.cookie ?? '', url: base, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors };
  }

  async function ticket(subject: string, departmentId = supportId): Promise<{ id: string; number: number }> {
    const { ticketCreate } = await api.data<{ ticketCreate: { id: string; number: number } }>(
      `mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id number } }`,
      { i: { subject, departmentId, customerId: customer.id, contactId: customer.contactId, text: 'Am Telefon gemeldet.', channel: 'PHONE' } },
    );
    return ticketCreate;
  }

  /** The one mail the SMTP server accepted for a ticket. */
  async function receivedFor(number: number): Promise<ReceivedMail> {
    const token = `[#${number}]`;
    await expect.poll(() => smtp.received.filter((mail) => (mail.parsed.subject ?? '').includes(token)).length, WAIT).toBe(1);
    return smtp.received.find((mail) => (mail.parsed.subject ?? '').includes(token))!;
  }

  it('sends a prefilled reply with a template picked by keyboard, a chosen and a dropped file, keeps the draft over a reload, and shows queued then sent live', async () => {
    const { number } = await ticket('Drucker druckt nicht');
    // The first delivery is refused for now (451), so the reply waits queued for its retry a second later.
    smtp.answer = (raw) => (raw.includes(`[#${number}]`) && smtp.attempts <= 1 ? { code: 451, message: '4.3.0 Try again later' } : 'accept');
    smtp.attempts = 0;
    const { page, errors } = await signIn('de-DE');
    await page.goto(`${base}/tickets/${number}`);
    const form = page.getByTestId('reply-form');
    await form.waitFor(WAIT);

    // Prefilled from replyDefaults: the contact as recipient, "Re: …", status "answered".
    expect(await form.getByTestId('reply-to').getByTestId('recipient-chip').allTextContents()).toEqual([expect.stringContaining(CUSTOMER_EMAIL)]);
    expect(await form.getByTestId('reply-subject').inputValue()).toBe('Re: Drucker druckt nicht');
    expect(await form.getByTestId('reply-status').inputValue()).toBe('answered');

    // Text, a template chosen with the keyboard, and bold text by Ctrl+B.
    const editor = form.getByTestId('reply-editor');
    await editor.click();
    await page.keyboard.type('Guten Tag,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    const picker = page.getByTestId('template-picker');
    await picker.getByTestId('template-search').waitFor(WAIT);
    await page.keyboard.type('Drucker');
    await expect.poll(() => picker.getByTestId('template-option').allTextContents(), WAIT).toEqual(['Techniker kommt', 'Toner bestellt']);
    await page.keyboard.press('ArrowDown');
    await picker.locator('[data-testid="template-option"][aria-selected="true"]', { hasText: 'Toner bestellt' }).waitFor(WAIT);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => editor.innerText(), WAIT).toContain(`Hallo Erika Muster,\nder Toner für Ticket ${number} ist bestellt.`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Das ist ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('wichtig');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('.');

    // Cc: an entry that is no address is named, then removed; a real one stays.
    await form.getByTestId('reply-add-cc').click();
    const cc = form.getByTestId('reply-cc-input');
    await cc.pressSequentially('chef@kunde.example, kein-mail');
    await cc.press('Tab');
    expect(await form.getByTestId('reply-cc-error').textContent()).toContain('„kein-mail“ ist keine E-Mail-Adresse.');
    await form.getByTestId('reply-cc').locator('[data-testid="recipient-chip"][data-invalid="true"]').getByRole('button').click();
    await form.getByTestId('reply-cc-error').waitFor({ state: 'detached', ...WAIT });

    // The draft is kept in the browser (once typing pauses) and comes back after a reload.
    const storedDraft = () =>
      page.evaluate(() => {
        const key = Object.keys(localStorage).find((name) => name.startsWith('tresen.replyDraft.'));
        return key ? (localStorage.getItem(key) ?? '') : '';
      });
    await expect.poll(storedDraft, WAIT).toContain('chef@kunde.example');
    await expect.poll(storedDraft, WAIT).toContain('<b>wichtig</b>.');
    await page.reload();
    await form.getByTestId('reply-draft-restored').waitFor(WAIT);
    expect(await form.getByTestId('reply-cc').getByTestId('recipient-chip').allTextContents()).toEqual([expect.stringContaining('chef@kunde.example')]);
    expect(await editor.innerText()).toContain('Das ist wichtig.');

    // A file from the chooser and one dropped onto the form, each uploaded with its own progress.
    await form.getByTestId('reply-file-input').setInputFiles({ name: 'rechnung.txt', mimeType: 'text/plain', buffer: Buffer.from('Rechnung 42') });
    // Runs in the page (the test tsconfig has no DOM types, hence the shape).
    const dropped = await page.evaluateHandle(() => {
      const { DataTransfer } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Foto vom Drucker'], 'drucker-foto.txt', { type: 'text/plain' }));
      return transfer;
    });
    await form.dispatchEvent('dragenter', { dataTransfer: dropped });
    await form.dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => form.locator('[data-testid="reply-attachment"][data-state="done"]').count(), WAIT).toBe(2);

    await editor.click();
    await page.keyboard.press('Control+Enter');
    const reply = page.locator('[data-testid="message"][data-kind="OUTBOUND"]');
    await reply.locator('[data-testid="message-send-status"][data-status="QUEUED"]').waitFor(WAIT);
    await reply.getByTestId('message-send-retry').waitFor(WAIT);
    expect(await reply.getByTestId('message-send-retry').textContent()).toContain('4.3.0 Try again later');
    await page.screenshot({ path: `${SCREENSHOTS}/reply-queued-de.png`, fullPage: true });
    await reply.locator('[data-testid="message-send-status"][data-status="SENT"]').waitFor(WAIT);

    // The form is empty again and the draft gone.
    expect(await editor.innerText()).toBe('');
    expect(await storedDraft()).toBe('');

    const mail = await receivedFor(number);
    expect(mail.envelopeTo.sort()).toEqual(['chef@kunde.example', CUSTOMER_EMAIL]);
    expect(mail.parsed.subject).toBe(`Re: Drucker druckt nicht [#${number}]`);
    expect(mail.parsed.text).toContain(`Guten Tag,\nHallo Erika Muster,\nder Toner für Ticket ${number} ist bestellt.\nDas ist wichtig.`);
    expect(mail.parsed.html).toContain('<b>wichtig</b>');
    expect(mail.parsed.attachments.map((a) => [a.filename, a.content.toString()]).sort()).toEqual([
      ['drucker-foto.txt', 'Foto vom Drucker'],
      ['rechnung.txt', 'Rechnung 42'],
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/reply-sent-de.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows a refused reply with the mail server’s words and sends it again', async () => {
    const { number } = await ticket('Falsche Adresse');
    smtp.answer = (raw) => (raw.includes(`[#${number}]`) ? { code: 550, message: '5.1.1 Mailbox unavailable' } : 'accept');
    const { page, errors } = await signIn('en-US');
    await page.goto(`${base}/tickets/${number}`);
    const form = page.getByTestId('reply-form');
    await form.getByTestId('reply-editor').click();
    await page.keyboard.type('Your printer is fixed.');
    await form.getByTestId('reply-send').click();

    const reply = page.locator('[data-testid="message"][data-kind="OUTBOUND"]');
    await reply.locator('[data-testid="message-send-status"][data-status="FAILED"]').waitFor(WAIT);
    expect(await reply.getByTestId('message-send-error').textContent()).toContain('5.1.1 Mailbox unavailable');
    smtp.answer = () => 'accept';
    await reply.getByTestId('message-resend').click();
    await reply.locator('[data-testid="message-send-status"][data-status="SENT"]').waitFor(WAIT);
    expect((await receivedFor(number)).parsed.text).toContain('Your printer is fixed.');
    expect(errors).toEqual([]);
  });

  it('says why a department without a sending address cannot answer', async () => {
    const { number } = await ticket('Angebot gewünscht', salesId);
    const { page, errors } = await signIn('en-US');
    await page.goto(`${base}/tickets/${number}`);
    const blocked = page.getByTestId('reply-cannot-send');
    await blocked.waitFor(WAIT);
    expect(await blocked.getByTestId('reply-cannot-send-reason').textContent()).toContain('The department "Vertrieb" has no sending address');
    expect(await page.getByTestId('reply-form').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
