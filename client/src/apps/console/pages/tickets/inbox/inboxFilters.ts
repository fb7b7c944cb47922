import type { OrderDirection, StatusCategory, TicketFilter, TicketOrderField, TicketPriority } from '@/shared/graphql/generated/graphql';
import { dayToIso } from '../../../../../shared/utils/dates';

/** The inbox's filter and sort controls, as the person set them. */
export interface InboxFilters {
  /** null: every department the viewer may see. */
  departmentId: string | null;
  category: StatusCategory | 'ALL';
  statusId: string | null;
  priority: TicketPriority | null;
  /** 'ALL', 'UNASSIGNED' or a handler's id. */
  handler: string;
  watchedByMe: boolean;
  /** Calendar days `YYYY-MM-DD` (browser's time zone) or ''. */
  createdFrom: string;
  createdTo: string;
  updatedFrom: string;
  updatedTo: string;
  search: string;
  orderField: TicketOrderField;
  orderDirection: OrderDirection;
}

export const HANDLER_ALL = 'ALL';
export const HANDLER_UNASSIGNED = 'UNASSIGNED';

/** Open tickets of every department, most recently active first. */
export function defaultInboxFilters(): InboxFilters {
  return {
    departmentId: null,
    category: 'OPEN',
    statusId: null,
    priority: null,
    handler: HANDLER_ALL,
    watchedByMe: false,
    createdFrom: '',
    createdTo: '',
    updatedFrom: '',
    updatedTo: '',
    search: '',
    orderField: 'LAST_ACTIVITY',
    orderDirection: 'DESC',
  };
}

/** True when a filter of the "more filters" section is set, so the section opens by itself. */
export function hasMoreFilters(filters: InboxFilters): boolean {
  return [filters.createdFrom, filters.createdTo, filters.updatedFrom, filters.updatedTo].some((day) => day !== '');
}

/**
 * The API filter for the controls: empty controls are left out; a chosen status wins over the
 * category; date ranges include both whole days.
 */
export function toTicketFilter(filters: InboxFilters): TicketFilter {
  const filter: TicketFilter = {};
  if (filters.departmentId) filter.departmentIds = [filters.departmentId];
  if (filters.statusId) filter.statusIds = [filters.statusId];
  else if (filters.category !== 'ALL') filter.statusCategories = [filters.category];
  if (filters.priority) filter.priorities = [filters.priority];
  if (filters.handler === HANDLER_UNASSIGNED) filter.unassigned = true;
  else if (filters.handler !== HANDLER_ALL) filter.handlerIds = [filters.handler];
  if (filters.watchedByMe) filter.watchedByMe = true;
  const createdFrom = dayToIso(filters.createdFrom, 'start');
  const createdTo = dayToIso(filters.createdTo, 'end');
  const updatedFrom = dayToIso(filters.updatedFrom, 'start');
  const updatedTo = dayToIso(filters.updatedTo, 'end');
  if (createdFrom) filter.createdFrom = createdFrom;
  if (createdTo) filter.createdTo = createdTo;
  if (updatedFrom) filter.updatedFrom = updatedFrom;
  if (updatedTo) filter.updatedTo = updatedTo;
  const search = filters.search.trim();
  if (search) filter.search = search;
  return filter;
}
