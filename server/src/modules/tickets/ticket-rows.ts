import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, timestamp } from '../../infra/sql.js';
import type { ITicket } from './ticket.entity.js';
import { pgArray } from './ticket.filter.js';

/**
 * Loads a page of tickets by id keeping the given order, read-only: plain rows in the entity's
 * shape, not managed entities (hydrating 25 entities of 28 properties was the largest single cost
 * of an inbox page at 1M tickets). Ids must already be visible to the viewer.
 */
export async function loadTicketRows(em: EntityManager, tenantId: string, ids: readonly string[]): Promise<ITicket[]> {
  if (ids.length === 0) return [];
  const rows = await sql<TicketRow>(em, `select ${TICKET_COLUMNS} from tickets where tenant_id = ? and id = any(?::uuid[])`, [tenantId, pgArray(ids)]);
  const byId = new Map(rows.map((row) => [row.id, ticketFromRow(row)]));
  return ids.map((id) => byId.get(id)).filter((t): t is ITicket => t !== undefined);
}

export const TICKET_COLUMNS = `id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, customer_id,
  contact_id, customer_name, handler_id, customer_note, internal_note, to_char(expected_date, 'YYYY-MM-DD') as expected_date,
  estimated_minutes, processing_start, processing_end, time_tracking_allowed, merged_into_id, created_at, updated_at,
  last_customer_activity_at, last_agent_activity_at, last_activity_at, unread, portal_link_version, rating_mail_at, version`;

export interface TicketRow {
  id: string;
  tenant_id: string;
  number: number;
  subject: string;
  status_id: string;
  status_category: ITicket['statusCategory'];
  priority: ITicket['priority'];
  department_id: string;
  channel: ITicket['channel'];
  customer_id: string | null;
  contact_id: string | null;
  customer_name: string | null;
  handler_id: string | null;
  customer_note: string | null;
  internal_note: string | null;
  expected_date: string | null;
  estimated_minutes: number | null;
  processing_start: string | null;
  processing_end: string | null;
  time_tracking_allowed: boolean;
  merged_into_id: string | null;
  created_at: string;
  updated_at: string;
  last_customer_activity_at: string | null;
  last_agent_activity_at: string | null;
  last_activity_at: string;
  unread: boolean;
  portal_link_version: number;
  rating_mail_at: string | null;
  version: number;
}

/** A tickets row as the entity's shape (what the ORM would hydrate), for read-only pages. */
export function ticketFromRow(r: TicketRow): ITicket {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    number: r.number,
    subject: r.subject,
    statusId: r.status_id,
    statusCategory: r.status_category,
    priority: r.priority,
    departmentId: r.department_id,
    channel: r.channel,
    customerId: r.customer_id,
    contactId: r.contact_id,
    customerName: r.customer_name,
    handlerId: r.handler_id,
    customerNote: r.customer_note,
    internalNote: r.internal_note,
    expectedDate: r.expected_date,
    estimatedMinutes: r.estimated_minutes,
    processingStart: timestamp(r.processing_start),
    processingEnd: timestamp(r.processing_end),
    timeTrackingAllowed: r.time_tracking_allowed,
    mergedIntoId: r.merged_into_id,
    createdAt: timestamp(r.created_at),
    updatedAt: timestamp(r.updated_at),
    lastCustomerActivityAt: timestamp(r.last_customer_activity_at),
    lastAgentActivityAt: timestamp(r.last_agent_activity_at),
    lastActivityAt: timestamp(r.last_activity_at),
    unread: r.unread,
    portalLinkVersion: r.portal_link_version,
    ratingMailAt: timestamp(r.rating_mail_at),
    version: r.version,
  };
}
