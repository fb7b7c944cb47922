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

export interface InboundMailEvent {
  readonly ticketId: string;
  readonly messageId: string;
  readonly departmentId: string;
  readonly mailboxId: string;
  /** True when the mail opened a new ticket, false when it joined an existing one. */
  readonly createdTicket: boolean;
}

/** The mails one import transaction committed, in order: each receiver checks them with one statement. */
export interface InboundMailBatch {
  readonly mails: readonly InboundMailEvent[];
}

/** A mailbox's settings or live state changed (admins' mailbox page). */
export interface MailboxChangedEvent {
  readonly mailboxId: string;
  readonly departmentId: string;
  readonly deleted: boolean;
}

/** A timer started or stopped on a ticket. Ticks are not published: each process makes its own. */
export interface TimerChangedEvent {
  readonly ticketId: string;
  readonly userId: string;
  readonly running: boolean;
}

/** Asks whichever process holds a mailbox's lease to act now (published for all tenants at once). */
export interface MailWorkerCommand {
  readonly kind: 'refresh' | 'reload';
  readonly mailboxId: string;
}

export type Topics = {
  departmentChanged: [tenantId: string, event: DepartmentChangedEvent];
  ticketChanged: [tenantId: string, event: TicketChangedEvent];
  messageAdded: [tenantId: string, event: MessageAddedEvent];
  ticketPresence: [tenantId: string, event: TicketPresenceEvent];
  inboundMail: [tenantId: string, event: InboundMailBatch];
  mailboxChanged: [tenantId: string, event: MailboxChangedEvent];
  /** Per ticket, not per tenant: only the ticket's watchers hear it (see timerTopic). */
  timerChanged: [ticketKey: string, event: TimerChangedEvent];
  /** Not per tenant: the scope is always MAIL_WORKERS; only mail workers subscribe. */
  mailWorker: [scope: typeof MAIL_WORKERS, event: MailWorkerCommand];
};

export const MAIL_WORKERS = 'mail-workers';

/** The `timerChanged` id of a ticket: every console that watches the ticket, on every process. */
export function timerTopic(tenantId: string, ticketId: string): string {
  return `${tenantId}:${ticketId}`;
}
