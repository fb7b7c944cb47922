import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const StatusCategory = { Open: 'open', Pending: 'pending', Closed: 'closed' } as const;
export type StatusCategory = (typeof StatusCategory)[keyof typeof StatusCategory];

export const Channel = { Mail: 'mail', Portal: 'portal', Widget: 'widget', Phone: 'phone', Agent: 'agent' } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/** Priority as stored (a small number, so it sorts): low 0, normal 1, high 2, urgent 3. */
export const Priority = { Low: 0, Normal: 1, High: 2, Urgent: 3 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** A ticket status; system ones exist in every tenant, admins add more. */
export const TicketStatus = defineEntity({
  name: 'TicketStatus',
  tableName: 'ticket_statuses',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    key: p.string(),
    category: p.string().$type<StatusCategory>(),
    labelDe: p.string(),
    labelEn: p.string(),
    isSystem: p.boolean().default(false),
    position: p.integer().default(0),
  },
});
export type ITicketStatus = InferEntity<typeof TicketStatus>;

/** The system statuses every tenant has, in display order. */
export const SYSTEM_STATUSES: readonly { key: string; category: StatusCategory; labelDe: string; labelEn: string }[] = [
  { key: 'new', category: 'open', labelDe: 'Neu', labelEn: 'New' },
  { key: 'open', category: 'open', labelDe: 'Offen', labelEn: 'Open' },
  { key: 'customer_replied', category: 'open', labelDe: 'Kunde hat geantwortet', labelEn: 'Customer replied' },
  { key: 'answered', category: 'pending', labelDe: 'Beantwortet', labelEn: 'Answered' },
  { key: 'waiting', category: 'pending', labelDe: 'Wartend', labelEn: 'Waiting' },
  { key: 'closed', category: 'closed', labelDe: 'Geschlossen', labelEn: 'Closed' },
  { key: 'merged', category: 'closed', labelDe: 'Zusammengeführt', labelEn: 'Merged' },
];

export const Ticket = defineEntity({
  name: 'Ticket',
  tableName: 'tickets',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    number: p.integer(),
    subject: p.string(),
    statusId: p.uuid(),
    /** Copy of the status's category, so the inbox index can filter by it. */
    statusCategory: p.string().$type<StatusCategory>(),
    priority: p.smallint().$type<Priority>(),
    departmentId: p.uuid(),
    channel: p.string().$type<Channel>(),
    customerId: p.uuid().nullable(),
    contactId: p.uuid().nullable(),
    /** Copy of the customer's name for full-text search. */
    customerName: p.string().nullable(),
    handlerId: p.uuid().nullable(),
    customerNote: p.text().nullable(),
    internalNote: p.text().nullable(),
    expectedDate: p.string().columnType('date').nullable(),
    estimatedMinutes: p.integer().nullable(),
    processingStart: p.datetime().nullable(),
    processingEnd: p.datetime().nullable(),
    timeTrackingAllowed: p.boolean().default(false),
    mergedIntoId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
    lastCustomerActivityAt: p.datetime().nullable(),
    lastAgentActivityAt: p.datetime().nullable(),
    lastActivityAt: p.datetime(),
    /** Set when customer mail arrives; cleared when a staff member opens the ticket. */
    unread: p.boolean().default(false),
    /** Part of every signed portal link to this ticket; raising it revokes them all. */
    portalLinkVersion: p.integer().default(1),
    /** When the rating request went out (at most once per ticket). */
    ratingMailAt: p.datetime().nullable(),
    /** Optimistic lock: every update checks and bumps it (MikroORM version property). */
    version: p.integer().version(),
  },
});
export type ITicket = InferEntity<typeof Ticket>;

export const TicketWatcher = defineEntity({
  name: 'TicketWatcher',
  tableName: 'ticket_watchers',
  properties: { tenantId: p.uuid().primary(), ticketId: p.uuid().primary(), userId: p.uuid().primary() },
});

export const TicketCustomer = defineEntity({
  name: 'TicketCustomer',
  tableName: 'ticket_customers',
  properties: { tenantId: p.uuid().primary(), ticketId: p.uuid().primary(), customerId: p.uuid().primary() },
});

/** One changed field of a ticket: who, when, old and new value (as display text). */
export const TicketHistory = defineEntity({
  name: 'TicketHistory',
  tableName: 'ticket_history',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    ticketId: p.uuid(),
    actorUserId: p.uuid().nullable(),
    /** Who acted when it was not a user (an API token's name, the system). */
    actorLabel: p.string().nullable(),
    at: p.datetime().onCreate(() => new Date()),
    field: p.string(),
    oldValue: p.text().nullable(),
    newValue: p.text().nullable(),
  },
});
export type ITicketHistory = InferEntity<typeof TicketHistory>;
