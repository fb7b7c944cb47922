import { simpleParser, type Attachment, type HeaderLines, type ParsedMail as MailparserMail, type StructuredHeader } from 'mailparser';
import { safeContentType, safeFilename } from '../../attachments/safe-filename.js';
import { autoReplySuppressed, classifyAutomatic, type AutomaticMail } from './classify-automatic.js';
import { detectBounce, type Bounce } from './detect-bounce.js';
import type { MailFacts } from './mail-facts.js';
import { addresses, firstMessageId, headerValues, messageDate, messageIds, returnPath, withoutNul, type ParsedAddress } from './mail-headers.js';
import { sanitizeMailHtml } from './sanitize-mail-html.js';
import { splitQuote } from './split-quote.js';
import { prepareRaw } from './prepare-raw.js';

export type { AutomaticMail } from './classify-automatic.js';
export type { Bounce } from './detect-bounce.js';
export type { ParsedAddress } from './mail-headers.js';

/** Limits a message must keep to be imported; a message over one is kept as failed, with the reason. */
export interface MailLimits {
  /** Largest raw message in bytes. Default 40 MiB. */
  maxRawBytes: number;
  /** Most MIME parts, containers (multipart/*) and the message itself included. Default 500. */
  maxParts: number;
  /** Largest single attachment after transfer decoding, in bytes. Default 25 MiB. */
  maxAttachmentBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_MAIL_LIMITS: Readonly<MailLimits> = Object.freeze({ maxRawBytes: 40 * MiB, maxParts: 500, maxAttachmentBytes: 25 * MiB });

export interface ParsedAttachment {
  /** Through safeFilename; named after the type when the mail gave no name ("image.png", "message.eml"). */
  filename: string;
  /** Through safeContentType. */
  contentType: string;
  content: Buffer;
  /** The Content-ID without angle brackets, or null. */
  contentId: string | null;
  /** Shown inside the HTML: it has a Content-ID that the HTML references as `cid:`. */
  inline: boolean;
}

export interface ParsedMail {
  /** Without angle brackets, trimmed; null when absent or empty. */
  messageId: string | null;
  /** Ids without angle brackets, in header order. */
  inReplyTo: string[];
  references: string[];
  /** Decoded; '' when there is none. */
  subject: string;
  /** The first mailbox of From; null when there is none with an address. */
  from: ParsedAddress | null;
  replyTo: ParsedAddress[];
  to: ParsedAddress[];
  cc: ParsedAddress[];
  /** '' for `Return-Path: <>`, null when the header is absent. */
  returnPath: string | null;
  /** null when absent or unreadable. */
  date: Date | null;
  /** The full plain text: the text parts, or text derived from the HTML when there is none; delivery-status reports appended. */
  text: string;
  /** The text with the quoted earlier conversation removed, see splitQuote(). */
  newText: string;
  /** What was removed from newText, for a "show quoted text" toggle; null when nothing was. */
  quotedText: string | null;
  /**
   * Sanitized HTML (see sanitizeMailHtml()), or null. Inline images keep `src="cid:<contentId>"`
   * for the caller to point at the stored attachment; remote images have no src and carry the
   * address in `data-remote-src`.
   */
  html: string | null;
  hasRemoteImages: boolean;
  /** Attachments, inline images, forwarded messages (.eml) and winmail.dat, in message order. */
  attachments: ParsedAttachment[];
  /** Set when a machine sent the message (bounce, auto-reply, list mail, ...): store it, never answer it automatically. */
  automatic: AutomaticMail | null;
  /** Set for delivery failure and delay reports; null for everything else, feedback (complaint) reports included. */
  bounce: Bounce | null;
  /**
   * The sender asked for no automatic answers (X-Auto-Response-Suppress: All, OOF or AutoReply).
   * Not automatic mail by itself (Exchange sets it on mail people write); just send no acknowledgement.
   */
  autoReplySuppressed: boolean;
}

/** A message that cannot be imported; `reason` says why in words an agent understands. */
export class MailParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MailParseError';
  }
}

/** Headers of which a real message has at least one; data without any of them is not mail. */
const MESSAGE_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'received',
  'return-path',
  'mime-version',
  'content-type',
  'reply-to',
  'in-reply-to',
  'references',
  'delivered-to',
  'x-original-to',
]);
const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const EMBEDDED_MESSAGE = new Set(['message/rfc822', 'message/global']);
/** HTML larger than this is not converted to text (mailparser's converter is slow on huge markup). */
const HTML_TO_TEXT_MAX = 5 * MiB;
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'text/csv': 'csv',
  'text/rfc822-headers': 'txt',
  'message/rfc822': 'eml',
  'message/global': 'eml',
  'application/ms-tnef': 'dat',
};

/**
 * Turns a raw RFC 5322 message into what the importer stores. Pure: no I/O besides parsing.
 *
 * Refuses (MailParseError) an empty message, one over `limits.maxRawBytes`, one with more than
 * `limits.maxParts` MIME parts, one with an attachment over `limits.maxAttachmentBytes`, data
 * that is not a mail at all, and anything mailparser cannot read. Broken but recognisable mail is
 * read as far as mailparser manages. Charsets: whatever mailparser decodes, plus UTF-7 (see utf7.ts).
 */
export async function parseMail(raw: Buffer, limits: MailLimits = DEFAULT_MAIL_LIMITS): Promise<ParsedMail> {
  if (raw.length === 0) throw new MailParseError('The message is empty.');
  if (raw.length > limits.maxRawBytes) throw new MailParseError(`The message is ${formatSize(raw.length)}; the limit is ${formatSize(limits.maxRawBytes)}.`);
  const mail = await runMailparser(prepareRaw(raw), limits);
  const lines: HeaderLines = mail.headerLines ?? [];
  if (!lines.some((l) => MESSAGE_HEADERS.has(l.key))) {
    throw new MailParseError('This is not an e-mail message: it has none of the usual headers (From, To, Subject, Date, Message-ID, Received).');
  }
  const reports = mail.attachments.filter((a) => DSN_TYPES.has(a.contentType.toLowerCase()));
  const files = mail.attachments.filter((a) => !DSN_TYPES.has(a.contentType.toLowerCase()));
  const tooBig = files.find((file) => file.content.length > limits.maxAttachmentBytes);
  if (tooBig) {
    throw new MailParseError(
      `The attachment "${attachmentName(tooBig)}" is ${formatSize(tooBig.content.length)}; the limit for one attachment is ${formatSize(limits.maxAttachmentBytes)}.`,
    );
  }
  const contentType = structured(mail.headers.get('content-type'));
  const boundary = contentType?.params['boundary'];
  const lostParts = !mail.text && !mail.html && mail.attachments.length === 0 && boundary !== undefined && !raw.includes(`--${boundary}`);
  const bodyText = withoutNul(lostParts ? unparsedBody(raw) : (mail.text ?? ''));
  const text = [bodyText.trimEnd(), ...reports.map((r) => withoutNul(r.content.toString('utf8')).replace(/\r\n?/g, '\n').trim())]
    .filter((t) => t !== '')
    .join('\n\n');
  const sanitized = typeof mail.html === 'string' ? sanitizeMailHtml(withoutNul(mail.html)) : null;
  const referenced = new Set(sanitized?.contentIds ?? []);
  const from = addresses(mail.headers.get('from'))[0] ?? null;
  const facts: MailFacts = {
    header: (name) => headerValues(lines, name),
    contentType: (contentType?.value ?? 'text/plain').toLowerCase(),
    reportType: contentType?.params['report-type']?.toLowerCase() ?? null,
    subject: withoutNul(mail.subject ?? ''),
    from,
    sender: addresses(mail.headers.get('sender'))[0] ?? null,
    to: addresses(mail.headers.get('to')),
    returnPath: returnPath(lines),
    inReplyTo: messageIds(headerValues(lines, 'in-reply-to')),
    text: bodyText,
    parts: mail.attachments.map((a) => ({ contentType: a.contentType.toLowerCase(), content: a.content })),
  };
  const bounce = detectBounce(facts);
  const { newText, quotedText } = splitQuote(text);
  return {
    messageId: firstMessageId(headerValues(lines, 'message-id')[0]),
    inReplyTo: [...facts.inReplyTo],
    references: messageIds(headerValues(lines, 'references')),
    subject: facts.subject,
    from,
    replyTo: addresses(mail.headers.get('reply-to')),
    to: [...facts.to],
    cc: addresses(mail.headers.get('cc')),
    returnPath: facts.returnPath,
    date: messageDate(lines),
    text,
    newText,
    quotedText,
    html: sanitized?.html ?? null,
    hasRemoteImages: sanitized?.hasRemoteImages ?? false,
    attachments: files.map((file) => toAttachment(file, referenced)),
    automatic: classifyAutomatic(facts, bounce),
    bounce: bounce?.bounce ?? null,
    autoReplySuppressed: autoReplySuppressed(facts),
  };
}

async function runMailparser(source: Buffer, limits: MailLimits): Promise<MailparserMail> {
  try {
    return await simpleParser(source, {
      keepCidLinks: true, // the importer maps cid: to stored attachments; no data: URLs of every image
      skipTextToHtml: true,
      skipTextLinks: true,
      keepDeliveryStatus: true, // read by the bounce rules, then appended to the text
      ignoreEmbedded: true, // forwarded and returned messages stay whole, as .eml attachments
      checksumAlgo: false,
      maxChildNodes: limits.maxParts,
      maxHtmlLengthToParse: HTML_TO_TEXT_MAX,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/child nodes/i.test(message)) throw new MailParseError(`The message has more than ${limits.maxParts} MIME parts; the limit is ${limits.maxParts}.`);
    if (/header size/i.test(message)) throw new MailParseError('A header block of the message is larger than 1 MB.');
    throw new MailParseError(`The message could not be read: ${message}`);
  }
}

/** The body as it stands, for a multipart whose boundary never occurs: the raw text beats showing nothing. */
function unparsedBody(raw: Buffer): string {
  const match = /\r?\n\r?\n/.exec(raw.toString('latin1'));
  if (!match) return '';
  const body = raw.subarray(match.index + match[0].length);
  const utf8 = body.toString('utf8');
  return (utf8.includes('\uFFFD') ? body.toString('latin1') : utf8).replace(/\r\n?/g, '\n').trim();
}

function structured(value: unknown): StructuredHeader | null {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'object' && first !== null && typeof (first as StructuredHeader).value === 'string' ? (first as StructuredHeader) : null;
}

/** An attachment as stored; `referenced` holds the content ids the sanitized HTML shows. */
function toAttachment(file: Attachment, referenced: ReadonlySet<string>): ParsedAttachment {
  const contentId = file.cid?.trim() || null;
  return {
    filename: attachmentName(file),
    contentType: safeContentType(file.contentType),
    content: file.content,
    contentId,
    inline: contentId !== null && referenced.has(contentId),
  };
}

/** The stored name: the given one made safe (".eml" added to messages), or one derived from the type. */
function attachmentName(file: Attachment): string {
  const type = safeContentType(file.contentType);
  const given = file.filename?.trim() ?? '';
  if (given !== '') return safeFilename(EMBEDDED_MESSAGE.has(type) && !/\.eml$/i.test(given) ? `${given}.eml` : given);
  const base = EMBEDDED_MESSAGE.has(type) ? 'message' : type.startsWith('image/') ? 'image' : type === 'text/rfc822-headers' ? 'message-headers' : 'attachment';
  const extension = EXTENSIONS[type];
  return safeFilename(extension ? `${base}.${extension}` : base);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MiB) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / MiB;
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}
