/**
 * Every realtime topic with its payload: the one typed map (STYLE.md). Payloads carry ids and the
 * small facts receivers need to decide access, never whole rows; receivers load fresh data.
 * Each topic is published per tenant (the first argument), so no receiver ever sees another tenant's stream.
 */
export interface DepartmentChangedEvent {
  readonly kind: 'CREATED' | 'UPDATED' | 'DELETED';
  readonly departmentId: string;
  /** Set for a private department: only this staff member may receive the event. */
  readonly ownerId: string | null;
  /** Agents with access at the time of the change (needed for DELETED, when the rows are gone). */
  readonly memberIds: readonly string[];
}

export interface TicketChangedEvent {
  readonly kind: 'CREATED' | 'UPDATED';
  readonly ticketId: string;
  readonly departmentId: string;
  /** Set when the ticket moved: receivers who could see the old department learn that it left them. */
  readonly previousDepartmentId: string | null;
}

export interface MessageAddedEvent {
  readonly ticketId: string;
  readonly messageId: string;
  readonly departmentId: string;
}

export interface TicketPresenceEvent {
  readonly ticketId: string;
}

export type Topics = {
  departmentChanged: [tenantId: string, event: DepartmentChangedEvent];
  ticketChanged: [tenantId: string, event: TicketChangedEvent];
  messageAdded: [tenantId: string, event: MessageAddedEvent];
  ticketPresence: [tenantId: string, event: TicketPresenceEvent];
};
