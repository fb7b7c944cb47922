/** One recipient of a delivery status notification (RFC 3464 per-recipient fields). */
export interface DeliveryStatusRecipient {
  /** Original-Recipient if it names an address, else Final-Recipient; lower-cased, without the address type. */
  address: string;
  /** The Action field, lower-cased ("failed", "delayed", "delivered", ...), or null. */
  action: string | null;
  /** The status code from the Status field ("5.1.1"), or null. */
  status: string | null;
}

const STATUS_CODE = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.])/;

/**
 * Reads the per-recipient groups of a `message/delivery-status` body (or text shaped like one).
 * Groups are separated by blank lines; a group that repeats a recipient field starts a new
 * recipient, as some mailers leave out the blank line. Groups without a recipient address
 * (the per-message group with Reporting-MTA) are skipped.
 */
export function parseDeliveryStatus(text: string): DeliveryStatusRecipient[] {
  const recipients: DeliveryStatusRecipient[] = [];
  let fields = new Map<string, string>();
  const flush = () => {
    const original = recipientAddress(fields.get('original-recipient'));
    const final = recipientAddress(fields.get('final-recipient'));
    const address = original ?? final;
    if (address) {
      const status = STATUS_CODE.exec(fields.get('status') ?? '')?.[1] ?? null;
      const action =
        (fields.get('action') ?? '')
          .trim()
          .toLowerCase()
          .split(/[\s(;]/)[0] || null;
      recipients.push({ address, action, status });
    }
    fields = new Map();
  };
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split('\n');
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const field = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$/.exec(line);
    if (!field) continue;
    const name = field[1]!.toLowerCase();
    if ((name === 'final-recipient' || name === 'original-recipient') && fields.has(name)) flush();
    if (!fields.has(name)) fields.set(name, field[2]!.trim());
  }
  flush();
  return recipients;
}

/** Whether the recipient failed: Action failed (or "expired", gave up), or no Action and no temporary/successful status. */
export function isFailed(recipient: DeliveryStatusRecipient): boolean {
  if (recipient.action) return recipient.action === 'failed' || recipient.action === 'expired';
  return recipient.status === null || recipient.status.startsWith('5');
}

/** `rfc822; <User@Example.org>` -> `user@example.org`; null when the value holds no address. */
function recipientAddress(value: string | undefined): string | null {
  if (!value) return null;
  const afterType = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  const address = afterType.trim().replace(/^<|>$/g, '').trim().toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : null;
}
