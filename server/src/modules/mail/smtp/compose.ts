import { sanitizeMailHtml } from '../parsing/sanitize-mail-html.js';

/** Reply prefixes mail clients put before a subject, in the languages our customers write. */
const REPLY_PREFIX = /^\s*((re|aw|antw|antwort|fw|fwd|wg|sv|vs|r|rif|ref|tr)(\[\d+\]|\(\d+\))?\s*:\s*)+/i;
const TOKEN = /\s*\[#\d+\]\s*/g;

/** "Re: <original>" for a reply form: prefixes and ticket tokens of earlier rounds removed, never "Re: Re:". */
export function replySubject(original: string): string {
  let subject = original.replace(TOKEN, ' ').trim();
  for (let previous = ''; previous !== subject;) {
    previous = subject;
    subject = subject.replace(REPLY_PREFIX, '').replace(TOKEN, ' ').trim();
  }
  return subject === '' ? 'Re:' : `Re: ${subject}`;
}

/** The subject as sent: the ticket token `[#<number>]` added once, at the end, so replies find their ticket. */
export function subjectWithToken(subject: string, ticketNumber: number): string {
  const token = `[#${ticketNumber}]`;
  return subject.includes(token) ? subject : `${subject} ${token}`.trim();
}

/** What placeholders can say. Values are plain text. */
export interface PlaceholderValues {
  customerName: string;
  contactName: string;
  ticketNumber: string;
  ticketSubject: string;
  agentName: string;
  department: string;
  expectedDate: string;
}

export const PLACEHOLDERS: readonly (keyof PlaceholderValues)[] = [
  'customerName',
  'contactName',
  'ticketNumber',
  'ticketSubject',
  'agentName',
  'department',
  'expectedDate',
];

/**
 * Fills `{{customerName}}`-style placeholders (spaces inside the braces allowed). Unknown names stay
 * as written so a typo is visible in the preview rather than silently dropped.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as keyof PlaceholderValues] : whole,
  );
}

export interface ComposeParts {
  /** What the agent wrote, as plain text. */
  text: string;
  /** The same as rich text, when the composer sent it (sanitized here). */
  html: string | null;
  /** Already filled with placeholders. */
  agentSignature: string;
  /** The sending address's (department's) signature, already filled. */
  addressSignature: string;
  /** Earlier conversation to quote, oldest last, when the agent asked for it. */
  history: { from: string; at: Date; text: string } | null;
}

/**
 * The documented order of an outgoing reply: the agent's text, then the signature separator
 * "-- ", the agent's own signature, the address (department) signature, and last the quoted
 * history. Empty parts are left out.
 */
export function composeBody(parts: ComposeParts): { text: string; html: string } {
  const signatures = [parts.agentSignature.trim(), parts.addressSignature.trim()].filter((s) => s !== '');
  const quoted = parts.history
    ? `${quoteIntro(parts.history)}\n${parts.history.text
        .trimEnd()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}`
    : '';
  const text = [parts.text.trimEnd(), signatures.length > 0 ? `-- \n${signatures.join('\n\n')}` : '', quoted].filter((s) => s !== '').join('\n\n');
  const bodyHtml = parts.html !== null ? sanitizeMailHtml(parts.html).html : textToHtml(parts.text.trimEnd());
  const html = [
    bodyHtml,
    signatures.length > 0 ? `<div class="signature">-- <br>${signatures.map(textToHtml).join('<br><br>')}</div>` : '',
    parts.history ? `<p>${escapeHtml(quoteIntro(parts.history))}</p><blockquote type="cite">${textToHtml(parts.history.text.trimEnd())}</blockquote>` : '',
  ]
    .filter((s) => s !== '')
    .join('\n');
  return { text, html };
}

function quoteIntro(history: { from: string; at: Date }): string {
  return `${history.from} wrote on ${history.at.toUTCString()}:`;
}

function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
