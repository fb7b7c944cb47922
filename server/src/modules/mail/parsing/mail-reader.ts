import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { MailParseError, parseMail, type MailLimits, type ParsedMail } from './parse-mail.js';
import type { ParseTask, WorkerResult } from './parse-worker.js';

const WARM_UP_MAIL = Buffer.from(
  'From: a@example.org\r\nTo: b@example.org\r\nSubject: warm-up\r\nMessage-ID: <warm-up@example.org>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hallo</p>\r\n',
);

/** parseMail that never throws: a mail it cannot read comes back as a MailParseError with the reason. */
export async function readMail(raw: Buffer, limits: MailLimits): Promise<ParsedMail | MailParseError> {
  try {
    return await parseMail(raw, limits);
  } catch (error) {
    if (error instanceof MailParseError) return error;
    // A parser bug must not stop the mailbox: keep the mail as failed with what went wrong.
    return new MailParseError(`The message could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads (parses) incoming mail. With threads, a batch goes to a worker thread in one message, so
 * that parsing — most of an import's CPU — runs beside the event loop rather than on it: GraphQL
 * requests and live events stay quick while a backlog is imported, and the database writes of one
 * batch overlap the parsing of the next. Without threads, or when the compiled worker is not there
 * (the TypeScript sources run by the tests), it parses on the calling thread; the results are the same.
 */
export class MailReader {
  private readonly pool: Piscina | null;

  constructor(
    private readonly limits: MailLimits,
    threads: number,
  ) {
    const worker = new URL('./parse-worker.js', import.meta.url);
    const compiled = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(worker));
    this.pool = threads > 0 && compiled ? new Piscina({ filename: worker.href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 }) : null;
    // Load the parser on the worker now, not when the first customer mail waits for it.
    if (this.pool) void this.pool.run({ raws: [WARM_UP_MAIL], limits } satisfies ParseTask).catch(() => undefined);
  }

  /** Whether mail is parsed on worker threads. */
  get threaded(): boolean {
    return this.pool !== null;
  }

  /** The mails in order, each parsed or a MailParseError with the reason. */
  async read(raws: readonly Buffer[]): Promise<(ParsedMail | MailParseError)[]> {
    if (!this.pool) {
      const results: (ParsedMail | MailParseError)[] = [];
      for (const raw of raws) results.push(await readMail(raw, this.limits));
      return results;
    }
    const task: ParseTask = { raws: [...raws], limits: this.limits };
    const results = (await this.pool.run(task)) as WorkerResult[];
    return results.map(revive);
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/** A worker's answer as the calling thread's types: Buffers come back from a thread as plain Uint8Arrays. */
function revive(result: WorkerResult): ParsedMail | MailParseError {
  if ('error' in result) return new MailParseError(result.error);
  const mail = result.mail;
  for (const attachment of mail.attachments) {
    const content = attachment.content as Uint8Array;
    attachment.content = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  }
  return mail;
}
