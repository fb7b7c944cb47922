import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../shared/ids.js';

/** How long a ticket link in a mail opens its ticket. */
export const TICKET_LINK_DAYS = 30;

export interface TicketLinkClaim {
  tenantId: string;
  ticketId: string;
  /** The ticket's portal_link_version when the link was made; raising it revokes every link. */
  version: number;
  expiresAt: Date;
}

/**
 * Signed links to one ticket in the portal, for the mails we send about it:
 * `<tenant>.<ticket>.<version>.<expiry, unix seconds>.<HMAC-SHA256>`. Nothing is stored per link;
 * a link expires by its own date and is revoked by raising the ticket's link version. A link
 * opens that one ticket (read and reply), never the customer's other tickets.
 */
export class TicketLinkSigner {
  constructor(private readonly secret: string) {}

  create(tenantId: string, ticketId: string, version: number, now = new Date()): string {
    const expires = Math.floor(now.getTime() / 1000) + TICKET_LINK_DAYS * 86_400;
    return `${tenantId}.${ticketId}.${version}.${expires}.${this.mac(tenantId, ticketId, version, expires)}`;
  }

  /** The portal page a link opens (`<public URL>/portal/t/<token>`). */
  url(publicUrl: string, tenantId: string, ticketId: string, version: number): string {
    return `${publicUrl}/portal/t/${this.create(tenantId, ticketId, version)}`;
  }

  /** What a link claims when its signature holds and it has not expired; null otherwise. */
  verify(token: string, now = new Date()): TicketLinkClaim | null {
    const parts = token.trim().split('.');
    if (parts.length !== 5) return null;
    const [tenantId, ticketId, versionText, expiresText, mac] = parts as [string, string, string, string, string];
    if (!isUuid(tenantId) || !isUuid(ticketId) || !/^\d{1,9}$/.test(versionText) || !/^\d{1,12}$/.test(expiresText) || !/^[0-9a-f]{64}$/.test(mac)) return null;
    const version = Number(versionText);
    const expires = Number(expiresText);
    const expected = Buffer.from(this.mac(tenantId, ticketId, version, expires), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) return null;
    if (expires * 1000 <= now.getTime()) return null;
    return { tenantId, ticketId, version, expiresAt: new Date(expires * 1000) };
  }

  private mac(tenantId: string, ticketId: string, version: number, expires: number): string {
    return createHmac('sha256', this.secret).update(`portal-ticket-link\0${tenantId}\0${ticketId}\0${version}\0${expires}`).digest('hex');
  }
}
