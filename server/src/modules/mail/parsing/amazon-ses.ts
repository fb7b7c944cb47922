import type { MailFacts } from './mail-facts.js';

/** An Amazon SES notification delivered by e-mail through SNS (a JSON body instead of a DSN). */
export interface SesNotification {
  readonly type: 'Bounce' | 'Complaint' | 'Delivery';
  /** The bounced (or complaining, or delivered) recipients, lower-cased. */
  readonly recipients: readonly string[];
  readonly status: string | null;
  /** The Message-ID header of the original mail if SES included the headers, without brackets. */
  readonly messageId: string | null;
}

/**
 * Reads an SES notification mail. The JSON is matched with patterns rather than parsed: mail
 * transport folds long lines, which leaves it invalid more often than not.
 */
export function sesNotification(facts: MailFacts): SesNotification | null {
  const fromSns = facts.header('x-amz-sns-message-id').length > 0 || /@sns\.amazonaws\.com$/i.test(facts.from?.address ?? '');
  if (!fromSns) return null;
  const text = facts.text.replace(/!?\r?\n /g, '');
  const type = /"notificationType"\s*:\s*"(Bounce|Complaint|Delivery)"/.exec(text)?.[1];
  if (type !== 'Bounce' && type !== 'Complaint' && type !== 'Delivery') return null;
  const list = /"(?:bouncedRecipients|complainedRecipients)"\s*:\s*\[([^\]]*)\]/.exec(text)?.[1] ?? /"recipients"\s*:\s*\[([^\]]*)\]/.exec(text)?.[1] ?? '';
  const recipients = [...list.matchAll(/"(?:emailAddress\s*"\s*:\s*")?([^"\s@]+@[^"\s]+)"/g)].map((m) => m[1]!.toLowerCase());
  const status = /"status"\s*:\s*"(\d\.\d{1,3}\.\d{1,3})"/.exec(list)?.[1] ?? null;
  const header = /"name"\s*:\s*"Message-ID"\s*,\s*"value"\s*:\s*"<?([^"<>]+)>?"/i.exec(text)?.[1] ?? null;
  return { type, recipients: [...new Set(recipients)], status, messageId: header };
}
