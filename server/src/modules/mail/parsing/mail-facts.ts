import type { ParsedAddress } from './mail-headers.js';

/** A non-text part of the message as mailparser delivered it (content decoded from its transfer encoding). */
export interface MailPart {
  /** Lower-case MIME type. */
  readonly contentType: string;
  readonly content: Buffer;
}

/** What the classification and bounce rules look at, taken from the parsed message. */
export interface MailFacts {
  /** The values of a top-level header (case-insensitive name), unfolded and trimmed; [] when absent. */
  header(name: string): readonly string[];
  /** Lower-case top-level MIME type, e.g. "multipart/report". */
  readonly contentType: string;
  /** The report-type parameter of a multipart/report, lower-cased, or null. */
  readonly reportType: string | null;
  readonly subject: string;
  readonly from: ParsedAddress | null;
  readonly sender: ParsedAddress | null;
  readonly to: readonly ParsedAddress[];
  /** '' for the null sender `<>`, null when absent. */
  readonly returnPath: string | null;
  readonly inReplyTo: readonly string[];
  /** The message text (text parts, or text derived from HTML), without delivery-status parts. */
  readonly text: string;
  /** Attachments and delivery-status parts, in message order. */
  readonly parts: readonly MailPart[];
}

/** Local parts and display names of the accounts that send bounces and other system mail. */
const SYSTEM_SENDER = /^(?:mailer[-_]?daemon|postmaster|post_master|mail[ ._]delivery[ ._](?:sub)?system)$/i;

/**
 * The From or Sender when it is a mail system account (mailer-daemon, postmaster, "Mail Delivery
 * System"), for the reason text; null otherwise. Looks at the raw header too, because bounces
 * write `From: MAILER-DAEMON <>` or a bare `From: MAILER-DAEMON`, which parse to no address.
 */
export function systemSender(facts: MailFacts): string | null {
  for (const who of [facts.from, facts.sender]) {
    if (who && (SYSTEM_SENDER.test(who.address.split('@')[0] ?? '') || SYSTEM_SENDER.test(who.name))) return who.address || who.name;
  }
  for (const raw of [...facts.header('from'), ...facts.header('sender')]) {
    const name = raw
      .replace(/<[^>]*>/g, '')
      .replace(/["']/g, '')
      .trim();
    if (SYSTEM_SENDER.test(name) || SYSTEM_SENDER.test(name.split('@')[0] ?? '')) return raw;
  }
  return null;
}
