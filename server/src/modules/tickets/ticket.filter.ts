import { fieldError } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { Priority, StatusCategory } from './ticket.entity.js';

/** What the inbox may filter by; every field optional. */
export interface TicketFilter {
  departmentIds?: readonly string[] | null;
  statusIds?: readonly string[] | null;
  statusCategories?: readonly StatusCategory[] | null;
  priorities?: readonly Priority[] | null;
  handlerIds?: readonly string[] | null;
  unassigned?: boolean | null;
  watchedByMe?: boolean | null;
  customerId?: string | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  updatedFrom?: Date | null;
  updatedTo?: Date | null;
  search?: string | null;
  unbilledTime?: boolean | null;
}

export type TicketOrderField = 'last_activity_at' | 'created_at' | 'updated_at' | 'number' | 'priority';
export interface TicketOrder {
  field: TicketOrderField;
  direction: 'asc' | 'desc';
}

export const PAGE_MAX = 100;
export const SEARCH_MAX = 500;

/** A piece of SQL with its parameters, built only from fixed text and bound values. */
export interface Sql {
  text: string;
  params: unknown[];
}

/**
 * The WHERE conditions for a ticket filter, always scoped to the tenant and to the departments the
 * viewer may see (never filtered after loading). Ids from outside are validated first.
 */
/**
 * `column = ?` for one value, `column = any(?::type[])` for several: PostgreSQL walks an index in
 * sort order only for plain equality, which is what an inbox (one department, one state) asks.
 */
function oneOf(parts: string[], params: unknown[], column: string, type: string, values: readonly (string | number)[]): void {
  if (values.length === 1) {
    parts.push(`${column} = ?`);
    params.push(values[0]);
  } else {
    parts.push(`${column} = any(?::${type}[])`);
    params.push(pgArray(values));
  }
}

export function ticketWhere(tenantId: string, visibleDepartmentIds: readonly string[], filter: TicketFilter, viewerUserId: string | null): Sql {
  const parts = ['t.tenant_id = ?', 't.merged_into_id is null'];
  const params: unknown[] = [tenantId];
  const ids = (field: string, values: readonly string[] | null | undefined) => {
    if (!values) return null;
    if (values.some((v) => !isUuid(v))) throw fieldError(`filter.${field}`, 'Unknown id.');
    return [...new Set(values)];
  };
  const requested = ids('departmentIds', filter.departmentIds);
  const departments = requested ? visibleDepartmentIds.filter((id) => requested.includes(id)) : [...visibleDepartmentIds];
  oneOf(parts, params, 't.department_id', 'uuid', departments);
  const statusIds = ids('statusIds', filter.statusIds);
  if (statusIds) {
    oneOf(parts, params, 't.status_id', 'uuid', statusIds);
  }
  if (filter.statusCategories?.length) {
    oneOf(parts, params, 't.status_category', 'text', filter.statusCategories);
  }
  if (filter.priorities?.length) {
    oneOf(parts, params, 't.priority', 'smallint', filter.priorities);
  }
  const handlerIds = ids('handlerIds', filter.handlerIds);
  if (handlerIds && filter.unassigned) {
    parts.push('(t.handler_id = any(?::uuid[]) or t.handler_id is null)');
    params.push(pgArray(handlerIds));
  } else if (handlerIds) {
    oneOf(parts, params, 't.handler_id', 'uuid', handlerIds);
  } else if (filter.unassigned) {
    parts.push('t.handler_id is null');
  }
  if (filter.watchedByMe) {
    if (!viewerUserId) throw fieldError('filter.watchedByMe', 'Only signed-in staff have watched tickets.');
    parts.push('exists (select 1 from ticket_watchers w where w.tenant_id = t.tenant_id and w.ticket_id = t.id and w.user_id = ?)');
    params.push(viewerUserId);
  }
  if (filter.customerId) {
    if (!isUuid(filter.customerId)) throw fieldError('filter.customerId', 'Unknown id.');
    parts.push('(t.customer_id = ? or exists (select 1 from ticket_customers c where c.tenant_id = t.tenant_id and c.ticket_id = t.id and c.customer_id = ?))');
    params.push(filter.customerId, filter.customerId);
  }
  if (filter.unbilledTime) {
    parts.push('exists (select 1 from time_entries e where e.tenant_id = t.tenant_id and e.ticket_id = t.id and e.quote_id is null)');
  }
  for (const [value, sql] of [
    [filter.createdFrom, 't.created_at >= ?'],
    [filter.createdTo, 't.created_at < ?'],
    [filter.updatedFrom, 't.updated_at >= ?'],
    [filter.updatedTo, 't.updated_at < ?'],
  ] as const) {
    if (value) {
      parts.push(sql);
      params.push(value);
    }
  }
  return { text: parts.join(' and '), params };
}

/** The search text as given, bounded; empty means no search. websearch_to_tsquery never fails on syntax. */
export function searchText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  // NUL cannot be sent to PostgreSQL; other control characters carry no meaning for search.
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (text.length === 0) return null;
  if (text.length > SEARCH_MAX) throw fieldError('filter.search', `The search text must be at most ${SEARCH_MAX} characters long.`);
  return text;
}

/**
 * A PostgreSQL array literal for binding as one parameter (`= any(?::uuid[])`): MikroORM expands a
 * JS array parameter into a comma list, which would break `any()` and an empty `in ()`.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** Opaque cursor: the sort value and id of the last row (keyset), or an offset when ranking a search. */
export function encodeCursor(value: unknown[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw fieldError('after', 'The cursor is not valid; start again from the first page.');
}

/** HTML-escapes a headline and turns the sentinel markers PostgreSQL put around matches into <mark>. */
export function snippetHtml(headline: string): string {
  const escaped = headline.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  return escaped.replaceAll('\u0001', '<mark>').replaceAll('\u0002', '</mark>');
}
