/**
 * The worker thread of MailReader (run by piscina from the compiled server): parses a batch of raw
 * mails and answers with each parsed mail or the reason it could not be read.
 */
import { MailParseError, type MailLimits, type ParsedMail } from './parse-mail.js';
import { readMail } from './mail-reader.js';

export interface ParseTask {
  raws: Uint8Array[];
  limits: MailLimits;
}

export type WorkerResult = { mail: ParsedMail } | { error: string };

export default async function parseBatch({ raws, limits }: ParseTask): Promise<WorkerResult[]> {
  const results: WorkerResult[] = [];
  for (const raw of raws) {
    const parsed = await readMail(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), limits);
    results.push(parsed instanceof MailParseError ? { error: parsed.reason } : { mail: parsed });
  }
  return results;
}
