import { feedbackReport, type BounceFinding } from './detect-bounce.js';
import { systemSender, type MailFacts } from './mail-facts.js';

/** Mail a machine sent: it is stored, but nothing may answer it automatically. */
export interface AutomaticMail {
  /** Which rule matched, for agents and logs, e.g. "Auto-Submitted: auto-replied". */
  reason: string;
}

/** Headers that mark mail sent through a mailing list (RFC 2369, RFC 2919, and list software of old). */
const LIST_HEADERS = ['List-Id', 'List-Unsubscribe', 'List-Post', 'Mailing-List', 'X-Mailing-List', 'X-ML-Name', 'X-MLServer'];

/**
 * Vendor headers of automatic answers (out-of-office notes, autoresponders) that come without
 * Auto-Submitted. The list is documented in README (Mail in); each entry names who sends it.
 */
export const VENDOR_AUTO_REPLY_HEADERS: readonly { header: string; value: RegExp; sender: string }[] = [
  { header: 'X-Apple-Action', value: /^vacation\b/i, sender: 'Apple iCloud Mail vacation reply' },
  { header: 'X-Autoreply-From', value: /\S/, sender: 'Exim / cPanel autoresponder' },
  { header: 'X-Mail-Autoreply', value: /\S/, sender: 'autoresponder (Mail.ru, Exim vacation)' },
  { header: 'X-Autoresponder', value: /\S/, sender: 'autoresponder' },
  { header: 'X-Vacation', value: /\S/, sender: 'vacation program' },
  { header: 'X-FC-MachineGenerated', value: /^true\b/i, sender: 'OpenText FirstClass' },
  { header: 'X-POST-MessageClass', value: /autoresponder/i, sender: 'autoresponder (message class)' },
  { header: 'Delivered-To', value: /^autoresponder$/i, sender: 'qmail autoresponder' },
  { header: 'X-Cron-Env', value: /\S/, sender: 'cron job' },
];

/**
 * Subjects of automatic answers in the languages our customers write. Alone they are no evidence
 * (a person may write "Out of office"); with Exchange's inbox-rule header they are.
 */
const AUTO_REPLY_SUBJECT =
  /^\s*(?:automatic reply|auto[- ]?reply|automatische antwort|abwesenheitsnotiz|out of (?:the )?office|réponse automatique|respuesta automática|risposta automatica)\b/i;

/**
 * Decides whether a message was sent by a machine, strongest evidence first: feedback reports,
 * bounces, other reports (multipart/report, e.g. read receipts), Auto-Submitted other than "no"
 * (RFC 3834), X-Autoreply / X-Autorespond, Precedence bulk, junk, list or auto_reply, mailing-list
 * headers (list mail is bulk: RFC 3834 forbids answering it automatically), vendor headers of
 * out-of-office notes and autoresponders (VENDOR_AUTO_REPLY_HEADERS), Exchange's inbox-rule mail
 * (X-MS-Exchange-Inbox-Rules-Loop) with an auto-reply subject, the null Return-Path `<>`, a
 * mailer-daemon or postmaster sender, and Amazon SNS notifications.
 *
 * X-Auto-Response-Suppress is deliberately not a rule: Exchange adds it to mail people write (for
 * instance everything sent to a distribution group), and helpdesks that trusted it lost real mail.
 * See {@link autoReplySuppressed} for what it does mean.
 */
export function classifyAutomatic(facts: MailFacts, bounce: BounceFinding | null): AutomaticMail | null {
  const feedback = feedbackReport(facts);
  if (feedback) return { reason: `Complaint: ${feedback}` };
  if (bounce) return { reason: `Bounce: ${bounce.evidence}` };
  if (facts.contentType === 'multipart/report') return { reason: `Report (multipart/report${facts.reportType ? `; report-type=${facts.reportType}` : ''})` };
  const autoSubmitted = facts.header('auto-submitted')[0];
  if (autoSubmitted !== undefined && !/^no\b/i.test(autoSubmitted)) return { reason: `Auto-Submitted: ${autoSubmitted || '(empty)'}` };
  for (const name of ['X-Autoreply', 'X-Autorespond']) {
    const value = facts.header(name)[0];
    if (value !== undefined && !/^(?:no|false)$/i.test(value)) return { reason: `${name}: ${value || '(empty)'}` };
  }
  for (const name of ['Precedence', 'X-Precedence']) {
    const value = facts.header(name).find((v) => /^(?:bulk|junk|list|auto_reply)\b/i.test(v));
    if (value) return { reason: `${name}: ${value}` };
  }
  const list = LIST_HEADERS.find((name) => facts.header(name).length > 0);
  if (list) return { reason: `Mailing list mail (${list})` };
  for (const vendor of VENDOR_AUTO_REPLY_HEADERS) {
    const value = facts.header(vendor.header).find((v) => vendor.value.test(v.trim()));
    if (value !== undefined) return { reason: `${vendor.header}: ${value} (${vendor.sender})` };
  }
  // Outlook's out-of-office answer from an Exchange inbox rule; the header alone also marks mail a rule forwarded.
  if (facts.header('x-ms-exchange-inbox-rules-loop').length > 0 && AUTO_REPLY_SUBJECT.test(facts.subject))
    return { reason: 'Microsoft Exchange inbox-rule reply (X-MS-Exchange-Inbox-Rules-Loop and an auto-reply subject)' };
  if (facts.returnPath === '') return { reason: 'Empty Return-Path <> (the null sender of bounces and auto-replies)' };
  const system = systemSender(facts);
  if (system) return { reason: `Sent by the mail system account ${system}` };
  if (facts.header('x-amz-sns-message-id').length > 0) return { reason: 'Amazon SNS notification' };
  return null;
}

/**
 * The sender asked not to be answered automatically (X-Auto-Response-Suppress naming All, OOF or
 * AutoReply). A person may still have written the message, so it is not automatic mail; it only
 * means that no acknowledgement or out-of-office answer should go back.
 */
export function autoReplySuppressed(facts: MailFacts): boolean {
  return facts.header('x-auto-response-suppress').some((v) => /\b(?:all|oof|autoreply)\b/i.test(v));
}
