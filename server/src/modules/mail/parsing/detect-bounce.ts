import { sesNotification, type SesNotification } from './amazon-ses.js';
import { isFailed, parseDeliveryStatus, type DeliveryStatusRecipient } from './delivery-status.js';
import { cleanAddress, isAddress, messageIdLine, recipientsInText, reportText, returnedCopy, returnedTo, statusInText } from './bounce-text.js';
import { systemSender, type MailFacts } from './mail-facts.js';

/** A delivery failure (or delay) report about a message sent earlier. */
export interface Bounce {
  /** The Message-ID of the message that bounced, without angle brackets, when the report names it. */
  originalMessageId: string | null;
  /** Recipients that failed for good, lower-cased; [] for a delay notice or when none could be read. */
  failedRecipients: string[];
  /** The enhanced status code (RFC 3463) such as "5.1.1", or null. */
  status: string | null;
}

export interface BounceFinding {
  readonly bounce: Bounce;
  /** Why the message counts as a bounce, for the automatic-mail reason. */
  readonly evidence: string;
}

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'text/rfc822-header',
  'message/rfc822-headers',
  'message/global-headers',
]);

/** Subjects of bounces from the common mail servers that do not send RFC 3464 reports. */
const BOUNCE_SUBJECT =
  /undeliver(?:ed|able)|returned mail|mail delivery (?:failed|failure|problem)|delivery (?:status notification|failure|failed|has failed|notification|problem)|failure notice|non-?delivery|(?:could|can)(?:not|n't) (?:be )?deliver|not delivered|returned to sender|mail (?:system )?(?:error|failure)|error sending your mail|could not send|unzustellbar|nicht zugestellt|zustellung fehlgeschlagen|delayed mail|warning: message .* delayed/i;
/** Phrases of a failure notice; not enough on their own (a customer may use them too). */
const BOUNCE_WORDS =
  /(?:could|can)(?:not|n't) be delivered|undeliver(?:able|ed)|did not reach|not recogni[sz]ed|unknown recipient|delivery (?:to the following recipients? )?(?:has )?failed|failed permanently|permanent (?:fatal )?error|user unknown|unknown user|no such user|invalid (?:user|recipient|address)|mailbox (?:is )?(?:full|unavailable|not found)|recipient (?:address )?rejected|rejected recipient|returned mail|not (?:been )?delivered|(?:could not|unable to|failed to) deliver|trouble delivering|error (?:delivering|sending)|delivery (?:status|failure)|nicht zugestellt|unzustellbar/i;
/** Traces only a mail server writes; enough to trust a bounce subject from any sender. */
const MTA_TRACE =
  /\b[45]\d\d[ -]#?[245]\.\d{1,3}\.\d{1,3}\b|\bSMTP (?:error|server)|^(?:Diagnostic-Code|Remote-MTA|Final-Recipient|Reporting-MTA):|mail delivery software|qmail-send program|This is the mail system at host|Transcript of session follows|\bRCPT TO\b|\bsaid: [45]\d\d\b/im;
/** A notice that delivery is only late; it names no failed recipient. */
const DELAY_SUBJECT = /\b(?:delay(?:ed)?|deferred|still being retried|warning)\b/i;
const NO_REPLY = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply)[^@]*@/i;

/** A feedback (complaint) report rather than a bounce: which kind, or null. */
export function feedbackReport(facts: MailFacts, ses: SesNotification | null = sesNotification(facts)): string | null {
  if (facts.reportType === 'feedback-report' || facts.parts.some((p) => p.contentType === 'message/feedback-report')) return 'feedback report (ARF)';
  if (ses?.type === 'Complaint') return 'Amazon SES complaint notification';
  // Microsoft's JMRP complaints predate ARF: the complained-about mail attached, a fixed subject.
  if (/^\s*complaint about message from\b/i.test(facts.subject) && facts.parts.some((p) => RETURNED_TYPES.has(p.contentType))) {
    return 'feedback report (Microsoft JMRP)';
  }
  return null;
}

/**
 * Recognises a bounce: an RFC 3464 delivery status notification, an Amazon SES bounce
 * notification, or one of the common non-standard failure notices (Exim, qmail, sendmail, Gmail,
 * Exchange, ...) judged by subject, sender and text. Feedback reports are not bounces. Failed
 * recipients and the original Message-ID are read best effort; see the sources in order below.
 */
export function detectBounce(facts: MailFacts): BounceFinding | null {
  const ses = sesNotification(facts);
  if (feedbackReport(facts, ses)) return null;
  const dsnTexts = facts.parts.filter((p) => DSN_TYPES.has(p.contentType)).map((p) => p.content.toString('utf8'));
  const evidence = bounceEvidence(facts, dsnTexts.length > 0, ses);
  if (!evidence) return null;
  const inline = [facts.text, ...facts.parts.filter((p) => p.contentType === 'text/plain').map((p) => p.content.toString('utf8'))].filter((t) =>
    /^[ \t]*(?:final|original)-recipient[ \t]*:/im.test(t),
  );
  const recipients = [...dsnTexts, ...inline].flatMap(parseDeliveryStatus);
  const report = reportText(facts.text);
  const delayed = recipients.length === 0 && DELAY_SUBJECT.test(facts.subject) && !/fail|undeliver|returned/i.test(facts.subject);
  return {
    evidence,
    bounce: {
      originalMessageId: originalMessageId(facts, ses),
      failedRecipients: delayed ? [] : failedRecipients(facts, recipients, ses),
      status: deliveryStatus(recipients, ses, report),
    },
  };
}

function bounceEvidence(facts: MailFacts, hasDsn: boolean, ses: SesNotification | null): string | null {
  if (hasDsn) return 'delivery status notification (RFC 3464)';
  if (facts.reportType === 'delivery-status') return 'delivery status report (multipart/report)';
  if (ses?.type === 'Bounce') return 'Amazon SES bounce notification';
  if (facts.header('x-failed-recipients').length > 0) return 'failure notice (X-Failed-Recipients)';
  const system = systemSender(facts) ?? (facts.returnPath === '' ? 'the null sender <>' : null);
  const autoSubmitted = facts.header('auto-submitted').some((v) => !/^no\b/i.test(v));
  // A subject alone is not enough: a customer may well write about a "delivery failure" of a parcel.
  if (BOUNCE_SUBJECT.test(facts.subject) && (system !== null || autoSubmitted || MTA_TRACE.test(facts.text))) return `failure notice "${facts.subject.trim()}"`;
  if (system !== null && (BOUNCE_WORDS.test(facts.subject) || BOUNCE_WORDS.test(facts.text) || MTA_TRACE.test(facts.text)))
    return `failure notice from ${system}`;
  // A message handed back with words of failure: ours (whoever sends it) or from a no-reply sender (au/KDDI).
  if (BOUNCE_WORDS.test(facts.text) && (returnsOwnMessage(facts) || (NO_REPLY.test(facts.from?.address ?? '') && returnsMessage(facts)))) {
    return 'failure notice returning the original message';
  }
  // Mailing-list software (fml) rejecting a post: no DSN, but its own header and an error subject.
  if (
    (facts.header('x-mlserver').length > 0 || facts.header('x-ml-name').length > 0) &&
    /error|loop|reject|denied|refused|not (?:delivered|distributed)/i.test(facts.subject)
  ) {
    return 'error notice from mailing-list software';
  }
  return null;
}

function returnsMessage(facts: MailFacts): boolean {
  return facts.parts.some((p) => RETURNED_TYPES.has(p.contentType));
}

/** An attached message or header part was sent from an address this mail is addressed to. */
function returnsOwnMessage(facts: MailFacts): boolean {
  const own = new Set(facts.to.map((a) => a.address.toLowerCase()));
  return facts.parts.some((p) => {
    if (!RETURNED_TYPES.has(p.contentType)) return false;
    const from = /^From:[^\r\n]*?([^\s<>()"',;:]+@[^\s<>()"',;:]+)/im.exec(p.content.toString('latin1'))?.[1];
    return from !== undefined && own.has(from.toLowerCase());
  });
}

/**
 * Failed recipients, from the first source that names any: the DSN, SES's list, the
 * X-Failed-Recipients header (Exim), the bounce text; last, the single recipient of the returned
 * message (a message to one address that bounced failed for that address).
 */
function failedRecipients(facts: MailFacts, recipients: readonly DeliveryStatusRecipient[], ses: SesNotification | null): string[] {
  if (recipients.length > 0) return unique(recipients.filter(isFailed).map((r) => r.address));
  if (ses?.type === 'Bounce') return [...ses.recipients];
  const header = facts
    .header('x-failed-recipients')
    .flatMap((v) => v.split(','))
    .map(cleanAddress)
    .filter(isAddress);
  if (header.length > 0) return unique(header);
  const own = [facts.from, facts.sender, ...facts.to].filter((a) => a !== null).map((a) => a.address);
  const found = recipientsInText(reportText(facts.text), own);
  if (found.length > 0) return found;
  const copies = [...facts.parts.filter((p) => RETURNED_TYPES.has(p.contentType)).map((p) => p.content.toString('latin1')), returnedCopy(facts.text)];
  const returned = copies.map(returnedTo).find((to) => to.length > 0) ?? [];
  return returned.length === 1 ? returned : [];
}

function deliveryStatus(recipients: readonly DeliveryStatusRecipient[], ses: SesNotification | null, report: string): string | null {
  const failed = recipients.find((r) => isFailed(r) && r.status)?.status ?? recipients.find((r) => r.status)?.status;
  if (failed) return failed;
  if (ses?.status) return ses.status;
  return statusInText(report);
}

/**
 * The Message-ID of the bounced message: from the returned message or headers part, then any
 * other text part, then the bounce text (qmail and Exim quote the message inline), then SES's
 * header list, and last the bounce's own In-Reply-To (some servers answer the original).
 */
function originalMessageId(facts: MailFacts, ses: SesNotification | null): string | null {
  const parts = [...facts.parts.filter((p) => RETURNED_TYPES.has(p.contentType)), ...facts.parts.filter((p) => p.contentType.startsWith('text/'))];
  for (const part of parts) {
    const id = messageIdLine(part.content.toString('latin1'));
    if (id) return id;
  }
  return messageIdLine(facts.text) ?? ses?.messageId ?? facts.inReplyTo[0] ?? null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
