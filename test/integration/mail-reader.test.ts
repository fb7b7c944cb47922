import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ReaderModule from '../../server/src/modules/mail/parsing/mail-reader.js';
import { readMail } from '../../server/src/modules/mail/parsing/mail-reader.js';
import { DEFAULT_MAIL_LIMITS, MailParseError, type ParsedMail } from '../../server/src/modules/mail/parsing/parse-mail.js';
import { rawMail } from '../helpers/mail.js';

/**
 * The compiled server parses incoming mail on a worker thread (piscina). What comes back across the
 * thread must be exactly what parsing on the calling thread gives: the same mails, attachments as
 * Buffers, unreadable mail as a MailParseError with the same reason. Runs the built reader
 * (`npm test` builds first), as a server process does.
 */
const DIST = fileURLToPath(new URL('../../server/dist/modules/mail/parsing/mail-reader.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/mail-corpus/', import.meta.url));

let reader: InstanceType<typeof ReaderModule.MailReader>;

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build:server\` first (npm test does).`);
  const { MailReader } = (await import(DIST)) as typeof ReaderModule;
  reader = new MailReader(DEFAULT_MAIL_LIMITS, 1);
});
afterAll(() => reader?.close());

function samples(): Buffer[] {
  const generated = [
    rawMail({ subject: 'Grüße aus Köln', text: 'Hallo 👋\r\n\r\n> zitiert\r\n' }),
    [
      'From: a@customer.example',
      'To: support@tresen.example',
      'Subject: Anhang',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="x"',
      '',
      '--x',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Gr=FC=DFe',
      '--x',
      'Content-Type: application/pdf; name="rechnung.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="rechnung.pdf"',
      '',
      Buffer.from('%PDF-1.4 not really').toString('base64'),
      '--x--',
      '',
    ].join('\r\n'),
    'kein Mail-Kopf, nur Text',
  ].map((raw) => Buffer.from(raw));
  if (!existsSync(CORPUS)) return generated;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.eml')) files.push(full);
    }
  };
  walk(CORPUS);
  return [...generated, ...files.map((file) => readFileSync(file))];
}

const shape = (result: ParsedMail | MailParseError) => (result instanceof MailParseError ? { error: result.reason } : { mail: result });

describe('MailReader on a worker thread', () => {
  it('reads every mail exactly as the calling thread does', { timeout: 120_000 }, async () => {
    expect(reader.threaded).toBe(true);
    const raws = samples();
    const threaded = await reader.read(raws);
    expect(threaded).toHaveLength(raws.length);
    let attachments = 0;
    let failed = 0;
    for (const [i, raw] of raws.entries()) {
      const local = await readMail(raw, DEFAULT_MAIL_LIMITS);
      const remote = threaded[i]!;
      // The dist module has its own MailParseError class: compare by name and reason.
      const remoteShape = remote instanceof Error ? { error: (remote as MailParseError).reason } : { mail: remote as ParsedMail };
      expect(remoteShape).toEqual(shape(local));
      if (remote instanceof Error) failed++;
      else {
        for (const attachment of remote.attachments) expect(Buffer.isBuffer(attachment.content)).toBe(true);
        attachments += remote.attachments.length;
      }
    }
    expect(attachments).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
  });
});
