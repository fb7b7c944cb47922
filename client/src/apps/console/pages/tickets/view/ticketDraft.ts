import type { TicketDetail } from '@/shared/entities/ticket/composables/useTicket';
import type { TicketPriority, TicketUpdateInput } from '@/shared/graphql/generated/graphql';
import { isoToLocalInput, localInputToIso } from '../../../../../shared/utils/dates';
import { formatMinutes, parseDuration } from '../../../../../shared/utils/duration';

export interface DraftCustomer {
  id: string;
  number: string;
  name: string;
  contacts?: ReadonlyArray<{ id: string; name: string; email: string }>;
}

/** The editable fields of a ticket as the form holds them ('' for "none"). */
export interface TicketDraft {
  subject: string;
  statusId: string;
  priority: TicketPriority;
  handlerId: string;
  watcherIds: string[];
  customer: DraftCustomer | null;
  contactId: string;
  customers: DraftCustomer[];
  customerNote: string;
  internalNote: string;
  /** `YYYY-MM-DD` */
  expectedDate: string;
  /** As typed: "1:30" or minutes. */
  estimated: string;
  /** `<input type="datetime-local">` values. */
  processingStart: string;
  processingEnd: string;
  timeTrackingAllowed: boolean;
}

export type DraftSource = Pick<
  TicketDetail,
  | 'subject'
  | 'status'
  | 'priority'
  | 'handler'
  | 'watchers'
  | 'customer'
  | 'contact'
  | 'customers'
  | 'customerNote'
  | 'internalNote'
  | 'expectedDate'
  | 'estimatedMinutes'
  | 'processingStart'
  | 'processingEnd'
  | 'timeTrackingAllowed'
>;

export function draftFromTicket(ticket: DraftSource): TicketDraft {
  return {
    subject: ticket.subject,
    statusId: ticket.status.id,
    priority: ticket.priority,
    handlerId: ticket.handler?.id ?? '',
    watcherIds: ticket.watchers.map((watcher) => watcher.id).sort(),
    customer: ticket.customer ? { ...ticket.customer } : null,
    contactId: ticket.contact?.id ?? '',
    customers: ticket.customers.map((customer) => ({ ...customer })),
    customerNote: ticket.customerNote ?? '',
    internalNote: ticket.internalNote ?? '',
    expectedDate: ticket.expectedDate ?? '',
    estimated: ticket.estimatedMinutes === null || ticket.estimatedMinutes === undefined ? '' : formatMinutes(ticket.estimatedMinutes),
    processingStart: isoToLocalInput(ticket.processingStart),
    processingEnd: isoToLocalInput(ticket.processingEnd),
    timeTrackingAllowed: ticket.timeTrackingAllowed,
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.length === sortedB.length && sortedA.every((id, index) => id === sortedB[index]);
}

/** Changes of the form to send, or the name of a field whose text cannot be sent as it is. */
export type DraftChanges = { ok: true; changes: Omit<TicketUpdateInput, 'id' | 'version'> } | { ok: false; field: 'estimated' | 'subject' };

/**
 * What differs between the draft and the state it started from, as ticketUpdate fields: only
 * changed fields are sent, so a save never overwrites fields someone else changed meanwhile. An
 * emptied field is sent as null; a removed handler as `clearHandler`.
 */
export function draftChanges(base: TicketDraft, draft: TicketDraft): DraftChanges {
  const changes: Omit<TicketUpdateInput, 'id' | 'version'> = {};
  const subject = draft.subject.trim();
  if (subject !== base.subject) {
    if (subject === '') return { ok: false, field: 'subject' };
    changes.subject = subject;
  }
  if (draft.statusId !== base.statusId) changes.statusId = draft.statusId;
  if (draft.priority !== base.priority) changes.priority = draft.priority;
  if (draft.handlerId !== base.handlerId) {
    if (draft.handlerId === '') changes.clearHandler = true;
    else changes.handlerId = draft.handlerId;
  }
  if (!sameIds(draft.watcherIds, base.watcherIds)) changes.watcherIds = [...draft.watcherIds];
  if ((draft.customer?.id ?? '') !== (base.customer?.id ?? '')) changes.customerId = draft.customer?.id ?? null;
  if (draft.contactId !== base.contactId) changes.contactId = draft.contactId || null;
  const customerIds = draft.customers.map((customer) => customer.id);
  if (
    !sameIds(
      customerIds,
      base.customers.map((customer) => customer.id),
    )
  )
    changes.customerIds = customerIds;
  if (draft.customerNote !== base.customerNote) changes.customerNote = draft.customerNote.trim() || null;
  if (draft.internalNote !== base.internalNote) changes.internalNote = draft.internalNote.trim() || null;
  if (draft.expectedDate !== base.expectedDate) changes.expectedDate = draft.expectedDate || null;
  if (draft.estimated.trim() !== base.estimated) {
    if (draft.estimated.trim() === '') changes.estimatedMinutes = null;
    else {
      const minutes = parseDuration(draft.estimated);
      if (minutes === null) return { ok: false, field: 'estimated' };
      if (minutes !== parseDuration(base.estimated)) changes.estimatedMinutes = minutes;
    }
  }
  if (draft.processingStart !== base.processingStart) changes.processingStart = localInputToIso(draft.processingStart);
  if (draft.processingEnd !== base.processingEnd) changes.processingEnd = localInputToIso(draft.processingEnd);
  if (draft.timeTrackingAllowed !== base.timeTrackingAllowed) changes.timeTrackingAllowed = draft.timeTrackingAllowed;
  return { ok: true, changes };
}

/** True when the draft would change something. */
export function isDirty(base: TicketDraft, draft: TicketDraft): boolean {
  const result = draftChanges(base, draft);
  return !result.ok || Object.keys(result.changes).length > 0;
}
