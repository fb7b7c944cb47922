/**
 * Reading the free text of failure notices that are not RFC 3464 reports (Exim, qmail, sendmail,
 * Postfix without DSN, Exchange, Gmail, mobile carriers): where the report ends and the returned
 * copy begins, which addresses it names as failed, which status code and Message-ID it mentions.
 */

/** Where a returned copy of the original message starts inside a bounce text. */
const RETURNED_COPY =
  /^.*(?:copy of (?:the |your )?(?:original )?message|below this line is a copy|original message (?:follows|headers)|message headers follow|original mail as follows|unsent message below|returned message|headers of the original message|header of the original message|your message reads).*$|^(?:Received|Return-Path|DKIM-Signature):/im;
const MESSAGE_ID_LINE = /^[ \t>]*Message-ID[ \t]*:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\r\n]+>|[^\s<>]+)/im;
const ENHANCED_STATUS = /(?<![\d.])([45]\.\d{1,3}\.\d{1,3})(?![\d.])/g;
const ADDRESS = /^[^\s@<>()"',;:[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const ADDR = String.raw`<?([^\s<>()"',;:]+@[^\s<>()"',;:]+?)>?`;
/** Where bounce texts name the failed recipients (each pattern's first group). */
const STRICT_RECIPIENT = [
  /^[ \t>]*<([^\s<>]+@[^\s<>]+)>[ \t]*:/gm, // qmail, Postfix: "<user@example.org>: host said ..."
  /<([^\s<>]+@[^\s<>]+)>\.\.\./g, // sendmail: "550 5.1.1 <user@example.org>... User unknown"
  /RCPT TO:[ \t]*<?([^\s<>]+@[^\s<>:]+?)>?(?=[\s:>]|$)/gi,
];
/** Looser places; an address found here must not be one of the bounce's own. */
const LOOSE_RECIPIENT = [
  new RegExp(
    String.raw`following (?:recipients?|address(?:es)?|destinations?)\b[^\n]*\n(?:[ \t>]*\n)*[ \t>*•-]*(?:Recipient:[ \t]*)?${ADDR}(?=[\s,;:]|$)`,
    'gi',
  ),
  new RegExp(
    String.raw`(?:could(?:n't| not) be delivered to|delivery to|rejected recipient|recipient address rejected|failed recipient|unable to deliver (?:your message )?to|error delivering your mail to|your message to|not delivered to)[:\s]*${ADDR}(?=[\s,;:)]|\.(?:\s|$)|$)`,
    'gi',
  ),
  new RegExp(String.raw`^[ \t>]*Recipient:[ \t]*${ADDR}`, 'gim'),
  new RegExp(String.raw`^[ \t>]*(?:[*•-][ \t]*)?${ADDR}[ \t]*(?:\(.*\)|\[.*\])?[ \t]*$`, 'gm'), // an address alone on its line (Exim, sendmail)
  new RegExp(
    String.raw`^(?![ \t>]*(?:to|from|cc|bcc|reply-to|sender|return-path|mail from|envelope-from|message-id|in-reply-to|references|x-[\w-]+)\b)[^\n:]{3,80}:[ \t]*${ADDR}[ \t]*$`,
    'gim',
  ), // "Mailbox full: user@example.org"
];

/** The report part of a bounce text: everything before the returned copy of the original message. */
export function reportText(text: string): string {
  const copy = RETURNED_COPY.exec(text);
  return copy ? text.slice(0, copy.index) : text;
}

/** The returned copy of the original message inside a bounce text, or ''. */
export function returnedCopy(text: string): string {
  return text.slice(reportText(text).length);
}

/**
 * Addresses a report text names as failed, in text order, lower-cased, each once. Addresses found
 * only by the looser patterns are dropped when they are the bounce's own (`own`: its From, Sender, To).
 */
export function recipientsInText(report: string, own: readonly string[]): string[] {
  const ownAddresses = new Set(own.map((a) => a.toLowerCase()));
  const matches = (patterns: readonly RegExp[], strict: boolean) =>
    patterns.flatMap((pattern) =>
      [...report.matchAll(pattern)]
        .map((m) => ({ at: m.index, address: cleanAddress(m[1]!) }))
        .filter((m) => isAddress(m.address) && (strict || !ownAddresses.has(m.address))),
    );
  const found = [...matches(STRICT_RECIPIENT, true), ...matches(LOOSE_RECIPIENT, false)].sort((a, b) => a.at - b.at);
  return [...new Set(found.map((m) => m.address))];
}

/** The addresses of the first To header in a (returned) message, lower-cased. */
export function returnedTo(message: string): string[] {
  const to = /^To:[ \t]*((?:.*)(?:\r?\n[ \t]+.*)*)/im.exec(message)?.[1] ?? '';
  return [...new Set([...to.matchAll(/([^\s<>()"',;:]+@[^\s<>()"',;:]+)/g)].map((m) => cleanAddress(m[1]!)).filter(isAddress))];
}

/** The first permanent enhanced status code in a text, else the first temporary one, else null. */
export function statusInText(text: string): string | null {
  const codes = [...text.matchAll(ENHANCED_STATUS)].map((m) => m[1]!);
  return codes.find((c) => c.startsWith('5')) ?? codes[0] ?? null;
}

/** The first Message-ID header line in a text (indented or quoted with > too), without brackets. */
export function messageIdLine(text: string): string | null {
  const value = MESSAGE_ID_LINE.exec(text)?.[1];
  if (!value) return null;
  const id = value.replace(/^<|>$/g, '').trim();
  return id === '' ? null : id;
}

/** A plausible mailbox address (not mailer-daemon, which only ever sends bounces). */
export function isAddress(value: string): boolean {
  return ADDRESS.test(value) && !value.startsWith('mailer-daemon@');
}

/** `<User@Example.org>.` or `rfc822;user@example.org` -> `user@example.org`. */
export function cleanAddress(value: string): string {
  return value
    .trim()
    .replace(/^[<"'(]+|[>"'),.;:]+$/g, '')
    .replace(/^(?:rfc822|smtp)\s*;\s*/i, '')
    .toLowerCase();
}
