import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../../shared/ids.js';

/**
 * Our own Message-IDs carry the ticket they belong to, signed: `tresen.<ticket id>.<nonce>.<mac>@<domain>`
 * with an HMAC over tenant, ticket and nonce. A reply that references one threads to that ticket
 * without any lookup; a forged or altered id fails the check and is treated as a foreign id.
 */
export class MessageIdSigner {
  constructor(private readonly secret: string) {}

  create(tenantId: string, ticketId: string, domain: string): string {
    const nonce = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x');
    return `tresen.${ticketId}.${nonce}.${this.mac(tenantId, ticketId, nonce)}@${domain}`;
  }

  /** The ticket id an id of ours names, or null for foreign, forged or other tenants' ids. */
  ticketOf(tenantId: string, messageId: string): string | null {
    const match = /^tresen\.([0-9a-f-]{36})\.([a-z0-9]{1,32})\.([0-9a-f]{32})@/i.exec(messageId.trim());
    if (!match) return null;
    const [, ticketId, nonce, mac] = match as unknown as [string, string, string, string];
    if (!isUuid(ticketId)) return null;
    const expected = Buffer.from(this.mac(tenantId, ticketId.toLowerCase(), nonce.toLowerCase()), 'hex');
    const given = Buffer.from(mac.toLowerCase(), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? ticketId.toLowerCase() : null;
  }

  private mac(tenantId: string, ticketId: string, nonce: string): string {
    return createHmac('sha256', this.secret).update(`message-id\0${tenantId}\0${ticketId}\0${nonce}`).digest('hex').slice(0, 32);
  }
}
