import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, isDomainError } from '../../graphql/errors.js';
import { Department } from '../departments/department.entity.js';
import type { CustomerFile, CustomerTicketService } from '../portal/customer-ticket.service.js';
import { Widget, type IWidget } from './widget.entity.js';
import type { FormTokens } from './widget-form-token.js';
import type { WidgetLimiter } from './widget-limiter.js';
import { parseWidgetKey } from './widget.rules.js';

/** Size limits of one request from the widget or the hosted form. */
export const WIDGET_REQUEST_LIMITS = {
  nameChars: 100,
  emailChars: 254,
  subjectChars: 200,
  messageChars: 10_000,
  /** Largest attachment; the tenant-wide attachment limit applies when it is lower. */
  attachmentBytes: 5 * 1024 * 1024,
  /** Everything but the attachment: fields, multipart framing. */
  overheadBytes: 64 * 1024,
} as const;

export type WidgetFile = CustomerFile;

/** What a visitor sent, as read from the form (strings as typed; checked here). */
export interface WidgetSubmission {
  name: string;
  email: string;
  subject: string;
  message: string;
  /** The honeypot: hidden from people, filled by bots. */
  website: string;
  /** The signed timestamp handed out with the form. */
  token: string;
  files: WidgetFile[];
}

/** Where a request came from: the caller's IP, the browser's Origin (if any) and whether that is our own origin. */
export interface WidgetRequestSource {
  ip: string;
  origin: string | undefined;
  sameOrigin: boolean;
}

/** The customer ticket service's entry point for the widget (the one way tickets are opened for senders). */
export type CustomerTicketOpener = Pick<CustomerTicketService, 'openForSender'>;

/** A widget that can take requests, with its public key's parts. */
export interface OpenWidget {
  key: string;
  tenantId: string;
  widget: IWidget;
}

/** An attachment or body over the limit: a field error on `attachment`, answered with HTTP 413. */
export const tooLarge = (message: string) => Object.assign(fieldError('attachment', message), { httpStatus: 413 });
export const notAvailable = () => new DomainError(ErrorCode.NotFound, 'This contact form is not available.');
export const originForbidden = () => new DomainError(ErrorCode.Forbidden, 'This widget may not be used on this site.');

/**
 * Requests from the widget and the hosted contact form. The order of checks is fixed: the widget
 * must exist, be on and point at a public department; the Origin must be allowed; the IP's
 * allowance is counted (every post counts); honeypot, fill time and fields are checked; only then
 * the address's allowance is counted and the ticket opened by the customer ticket service. The
 * answer never says whether the address belongs to a known customer.
 */
export class WidgetRequestService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: FormTokens,
    private readonly limiter: WidgetLimiter,
    private readonly attachmentMaxBytes: number,
  ) {}

  /** The most an attachment may have here. */
  get maxAttachmentBytes(): number {
    return Math.min(WIDGET_REQUEST_LIMITS.attachmentBytes, this.attachmentMaxBytes);
  }

  /** A widget that takes requests now, or NOT_FOUND (unknown, switched off, or its department is no longer public). */
  async open(key: string): Promise<OpenWidget> {
    const parsed = parseWidgetKey(key);
    if (!parsed) throw notAvailable();
    const widget = await this.em.findOne(Widget, { tenantId: parsed.tenantId, id: parsed.widgetId });
    if (!widget || !widget.enabled) throw notAvailable();
    const department = await this.em.findOne(Department, { tenantId: parsed.tenantId, id: widget.departmentId, ownerId: null, isPublic: true });
    if (!department) throw notAvailable();
    return { key, tenantId: parsed.tenantId, widget };
  }

  /** Whether a browser on this origin may use the widget: our own pages always, others when listed. */
  mayUse(widget: IWidget, source: Pick<WidgetRequestSource, 'origin' | 'sameOrigin'>): boolean {
    if (source.sameOrigin || source.origin === undefined) return true;
    return widget.allowedOrigins.includes(source.origin);
  }

  /** A fresh signed timestamp for a form being handed out. */
  issueToken(key: string): string {
    return this.tokens.issue(key);
  }

  /** Checks a request and opens its ticket through the customer ticket service. */
  async submit(key: string, source: WidgetRequestSource, submission: WidgetSubmission, tickets: CustomerTicketOpener): Promise<void> {
    const { tenantId, widget } = await this.open(key);
    if (!this.mayUse(widget, source)) throw originForbidden();
    await this.limiter.consumeIp(tenantId, source.ip);
    if (submission.website.trim() !== '') throw fieldError('website', 'This field must stay empty.');
    switch (this.tokens.check(key, submission.token)) {
      case 'ok':
        break;
      case 'too-fast':
        throw fieldError('token', 'The form was sent too quickly. Please wait a moment and send it again.');
      case 'expired':
      case 'invalid':
        throw fieldError('token', 'The form has expired. Please reload the page and send it again.');
    }
    const request = this.validate(submission);
    await this.limiter.consumeAddress(tenantId, request.email);
    try {
      await tickets.openForSender(
        tenantId,
        { email: request.email, name: request.name },
        { departmentId: widget.departmentId, subject: request.subject, text: request.message, channel: 'widget', files: request.files },
      );
    } catch (error) {
      throw inFormTerms(error);
    }
  }

  private validate(submission: WidgetSubmission): { name: string; email: string; subject: string; message: string; files: WidgetFile[] } {
    const limits = WIDGET_REQUEST_LIMITS;
    const name = oneLine(submission.name);
    if (name === '') throw fieldError('name', 'Please enter your name.');
    if (name.length > limits.nameChars) throw fieldError('name', `The name must be at most ${limits.nameChars} characters long.`);
    const email = submission.email.trim().toLowerCase();
    if (!isPlainAddress(email)) throw fieldError('email', 'Please enter a valid e-mail address.');
    const subject = oneLine(submission.subject);
    if (subject === '') throw fieldError('subject', 'Please enter a subject.');
    if (subject.length > limits.subjectChars) throw fieldError('subject', `The subject must be at most ${limits.subjectChars} characters long.`);
    const message = submission.message
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .trim();
    if (message === '') throw fieldError('message', 'Please enter your message.');
    if (message.length > limits.messageChars)
      throw fieldError('message', `The message must be at most ${limits.messageChars.toLocaleString('en')} characters long.`);
    const files = submission.files.filter((file) => file.data.length > 0 || file.name !== '');
    if (files.length > 1) throw fieldError('attachment', 'Attach one file at most.');
    const file = files[0];
    if (file && file.data.length === 0) throw fieldError('attachment', 'The file is empty.');
    if (file && file.data.length > this.maxAttachmentBytes) throw tooLarge(`The file is larger than ${formatMiB(this.maxAttachmentBytes)}.`);
    return { name, email, subject, message, files };
  }
}

/**
 * The ticket service's errors in the form's terms: its `text` is our `message`, its `file` our
 * `attachment`, and a department that just stopped taking requests makes the form unavailable.
 */
function inFormTerms(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  if (error.field === 'departmentId') return notAvailable();
  const fields: Record<string, string> = { text: 'message', file: 'attachment', attachmentIds: 'attachment' };
  const field = error.field ? fields[error.field] : undefined;
  return field ? new DomainError(error.code, error.message, field) : error;
}

/** Trims, folds whitespace and drops control characters: names and subjects are single lines. */
function oneLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A plain `local@domain.tld` address: no spaces, quotes, brackets or control characters, one @. */
export function isPlainAddress(email: string): boolean {
  if (email.length > WIDGET_REQUEST_LIMITS.emailChars) return false;
  return /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(email) && !email.includes('..');
}

export function formatMiB(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}
