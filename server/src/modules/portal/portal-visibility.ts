import type { ContactViewer } from '../auth/viewer.js';

/**
 * The portal's one visibility rule, as an SQL condition on a `tickets` row aliased `t` (every
 * portal read, per-event check and attachment download uses it; applied in the query, never by
 * filtering after loading). A contact sees:
 * - their own tickets (they are its contact);
 * - with the right "see and answer tickets" (contacts.sees_customer_tickets, read fresh here, so
 *   taking it away works at once): every ticket of their customer, and tickets where their customer
 *   is an assigned further customer;
 * never a ticket in a private department, never another tenant's; a session opened by a signed
 * ticket link reaches that one ticket only.
 */
export function portalTicketSql(viewer: ContactViewer): { text: string; params: unknown[] } {
  const scope = viewer.ticketId ? ' and t.id = ?' : '';
  return {
    text: `t.tenant_id = ?${scope}
      and not exists (select 1 from departments pd where pd.tenant_id = t.tenant_id and pd.id = t.department_id and pd.owner_id is not null)
      and (t.contact_id = ?
        or (exists (select 1 from contacts pk where pk.tenant_id = t.tenant_id and pk.id = ? and pk.customer_id = ? and pk.sees_customer_tickets)
            and (t.customer_id = ?
              or exists (select 1 from ticket_customers ptc where ptc.tenant_id = t.tenant_id and ptc.ticket_id = t.id and ptc.customer_id = ?))))`,
    params: [
      viewer.tenantId,
      ...(viewer.ticketId ? [viewer.ticketId] : []),
      viewer.contactId,
      viewer.contactId,
      viewer.customerId,
      viewer.customerId,
      viewer.customerId,
    ],
  };
}

/** Message kinds a customer sees: mail in and out, never internal notes. */
export const PUBLIC_MESSAGE_KINDS = `('inbound', 'outbound')`;
