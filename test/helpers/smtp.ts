import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { freePort } from './dovecot.js';

export interface ReceivedMail {
  raw: Buffer;
  parsed: ParsedMail;
  envelopeTo: string[];
}

/** What the server answers to one message's DATA: accept, or an SMTP error code with text. */
export type SmtpAnswer = 'accept' | { code: number; message: string };

export interface TestSmtp {
  readonly port: number;
  /** Messages the server accepted (answered 250 to), in order. */
  readonly received: ReceivedMail[];
  /** DATA commands seen, accepted or not. */
  attempts: number;
  /** Decides the answer for each DATA by its raw content (default: accept everything). */
  answer: (raw: Buffer, attempt: number) => SmtpAnswer | Promise<SmtpAnswer>;
  stop(): Promise<void>;
}

/** A real SMTP server (the smtp-server library) on loopback, for the sending tests. */
export async function startSmtp(options: { user?: string; password?: string } = {}): Promise<TestSmtp> {
  const port = await freePort();
  const state: TestSmtp = {
    port,
    received: [],
    attempts: 0,
    answer: () => 'accept',
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('5.7.8 Authentication credentials invalid'));
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        state.attempts += 1;
        void (async () => {
          const answer = await state.answer(raw, state.attempts);
          if (answer !== 'accept') {
            callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
            return;
          }
          state.received.push({ raw, parsed: await simpleParser(raw), envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return state;
}

/**
 * A mailbox that only sends, through the test SMTP server (its IMAP side stays off, nothing to
 * import): what a department needs to answer, confirm and mail sign-in links. Returns its id.
 */
export async function sendingMailbox(
  asAdmin: { data<T>(query: string, variables?: Record<string, unknown>): Promise<T> },
  departmentId: string,
  smtp: Pick<TestSmtp, 'port'>,
  address: string,
): Promise<string> {
  const { mailboxCreate } = await asAdmin.data<{ mailboxCreate: { id: string; version: number } }>(
    'mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id version } }',
    { i: { address, departmentId, senderName: 'Support', host: '127.0.0.1', port: 143, security: 'NONE', user: 'unused', password: 'unused', enabled: false } },
  );
  await asAdmin.data('mutation ($i: MailboxSendingUpdateInput!) { mailboxSendingUpdate(input: $i) { id } }', {
    i: { id: mailboxCreate.id, version: mailboxCreate.version, enabled: true, host: '127.0.0.1', port: smtp.port, security: 'NONE' },
  });
  return mailboxCreate.id;
}
