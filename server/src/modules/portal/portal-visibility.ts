import type { ContactViewer } from '../auth/viewer.js';

/** A piece of SQL with its bound parameters, in order. */
interface SqlPart {
  text: string;
  params: unknown[];
}

/**
 * The contact's right to see their customer's tickets (read fresh, so taking it away works at once).
 * It does not refer to the ticket (its tenant is the ticket's, bound), so PostgreSQL checks it once
 * per statement before reading any ticket, not per ticket after reading them.
 */
const SEES_CUSTOMER_TICKETS = 'exists (select 1 from contacts pk where pk.tenant_id = ? and pk.id = ? and pk.customer_id = ? and pk.sees_customer_tickets)';
const OF_CUSTOMER = 't.customer_id = ?';
const ASSIGNED_CUSTOMER = 'exists (select 1 from ticket_customers ptc where ptc.tenant_id = t.tenant_id and ptc.ticket_id = t.id and ptc.customer_id = ?)';

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
export function portalTicketSql(viewer: ContactViewer): SqlPart {
  const { scope, own } = portalTicketParts(viewer);
  return {
    text: `${scope.text}
      and (${own.text}
        or (${SEES_CUSTOMER_TICKETS}
            and (${OF_CUSTOMER}
              or ${ASSIGNED_CUSTOMER})))`,
    params: [...scope.params, ...own.params, viewer.tenantId, viewer.contactId, viewer.customerId, viewer.customerId, viewer.customerId],
  };
}

/**
 * The same rule in parts, for a query that reads each way to a ticket through its own index (the
 * portal's list): `scope` (tenant, ticket scope, no private department) and one of `own`, `customer`
 * or `assigned` is exactly portalTicketSql: scope and (own or customer or assigned). `customer` and
 * `assigned` include the right, so without it they select nothing.
 */
export function portalTicketParts(viewer: ContactViewer): { scope: SqlPart; own: SqlPart; customer: SqlPart; assigned: SqlPart } {
  const ticketScope = viewer.ticketId ? ' and t.id = ?' : '';
  const sees = [viewer.tenantId, viewer.contactId, viewer.customerId];
  return {
    scope: {
      text: `t.tenant_id = ?${ticketScope}
      and not exists (select 1 from departments pd where pd.tenant_id = t.tenant_id and pd.id = t.department_id and pd.owner_id is not null)`,
      params: [viewer.tenantId, ...(viewer.ticketId ? [viewer.ticketId] : [])],
    },
    own: { text: 't.contact_id = ?', params: [viewer.contactId] },
    customer: { text: `${SEES_CUSTOMER_TICKETS} and ${OF_CUSTOMER}`, params: [...sees, viewer.customerId] },
    assigned: { text: `${SEES_CUSTOMER_TICKETS} and ${ASSIGNED_CUSTOMER}`, params: [...sees, viewer.customerId] },
  };
}

/** Message kinds a customer sees: mail in and out, never internal notes. */
export const PUBLIC_MESSAGE_KINDS = `('inbound', 'outbound')`;
