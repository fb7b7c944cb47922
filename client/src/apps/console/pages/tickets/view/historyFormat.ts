import type { TicketPriority } from '@/shared/graphql/generated/graphql';
import { formatMinutes } from '../../../../../shared/utils/duration';

/** What the history needs to turn stored values (ids, keys, numbers) into words. */
export interface HistoryLookups {
  statusLabel(key: string): string | undefined;
  priorityLabel(priority: TicketPriority): string;
  staffName(id: string): string | undefined;
  departmentName(id: string): string | undefined;
  customerName(id: string): string | undefined;
  contactName(id: string): string | undefined;
  dateTime(iso: string): string;
  day(value: string): string;
  yesNo(value: boolean): string;
}

/** The API stores priorities by rank. */
const PRIORITY_BY_RANK: readonly TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

function names(value: string, lookup: (id: string) => string | undefined): string {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .map((id) => lookup(id) ?? id)
    .join(', ');
}

/**
 * A history value as people read it. The API records what it stored (status keys, ids, the
 * priority's rank, ISO instants); what the client cannot resolve, e.g. someone who is no longer
 * staff, is shown as stored.
 */
export function historyValue(field: string, value: string | null | undefined, lookups: HistoryLookups): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field) {
    case 'status':
      return lookups.statusLabel(value) ?? value;
    case 'priority': {
      const priority = PRIORITY_BY_RANK[Number(value)] ?? (PRIORITY_BY_RANK.includes(value as TicketPriority) ? (value as TicketPriority) : undefined);
      return priority ? lookups.priorityLabel(priority) : value;
    }
    case 'handlerId':
    case 'handler':
      return lookups.staffName(value) ?? value;
    case 'watchers':
      return names(value, lookups.staffName);
    case 'department':
    case 'departmentId':
      return lookups.departmentName(value) ?? value;
    case 'customers':
      return names(value, lookups.customerName);
    case 'contact':
    case 'contactId':
      return lookups.contactName(value) ?? value;
    case 'estimatedMinutes':
      return /^\d+$/.test(value) ? formatMinutes(Number(value)) : value;
    case 'processingStart':
    case 'processingEnd':
      return Number.isNaN(Date.parse(value)) ? value : lookups.dateTime(value);
    case 'expectedDate':
      return lookups.day(value);
    case 'timeTrackingAllowed':
      return value === 'true' || value === 'false' ? lookups.yesNo(value === 'true') : value;
    default:
      return value;
  }
}
