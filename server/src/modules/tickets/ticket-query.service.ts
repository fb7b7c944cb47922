import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../../graphql/errors.js';
import { sql } from '../../infra/sql.js';
import { isUuid } from '../../shared/ids.js';
import { isCustomerSide, type Viewer } from '../auth/viewer.js';
import type { DepartmentService } from '../departments/department.service.js';
import { Ticket, TicketStatus, type ITicket, type ITicketStatus } from './ticket.entity.js';
import { PAGE_MAX, pgArray, decodeCursor, encodeCursor, searchText, ticketWhere, type TicketFilter, type TicketOrder } from './ticket.filter.js';
import { loadTicketRows } from './ticket-rows.js';
import { searchPage } from './ticket-search.js';

export interface TicketPage {
  rows: { ticket: ITicket; cursor: string; snippet: string | null }[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
  /** False when a search found more than it ranks; totalCount is then a lower limit. */
  totalCountExact: boolean;
}

/** A timestamp in a list cursor: UTC, up to microseconds. */
const CURSOR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
/** Lists count at most this many tickets; beyond it totalCount is this and totalCountExact false. */
export const LIST_COUNT_MAX = 1000;

export interface TicketCountRow {
  departmentId: string;
  statusId: string;
  count: number;
}

const ORDER_COLUMNS: Record<TicketOrder['field'], string> = {
  last_activity_at: 't.last_activity_at',
  created_at: 't.created_at',
  updated_at: 't.updated_at',
  number: 't.number',
  priority: 't.priority',
};

/**
 * Reading tickets: lists with filters and keyset pagination, ranked full-text search with
 * highlighted snippets, sidebar counts. Every query is limited to the tenant and to the departments
 * the viewer may see inside the SQL itself.
 */
export class TicketQueryService {
  constructor(
    private readonly em: EntityManager,
    private readonly departments: DepartmentService,
  ) {}

  /** Ids of the departments whose tickets this viewer may see. Customers use the portal, not this. */
  async visibleDepartmentIds(viewer: Viewer): Promise<string[]> {
    if (viewer.type === 'anonymous' || isCustomerSide(viewer)) throw forbidden();
    return this.departments.visibleIds(viewer);
  }

  /** A ticket the viewer may see, or null (unknown, another tenant's, or out of reach all look the same). */
  async findVisible(viewer: Viewer, id: string): Promise<ITicket | null> {
    if (!isUuid(id) || viewer.type === 'anonymous') return null;
    const departmentIds = await this.visibleDepartmentIds(viewer);
    return this.em.findOne(Ticket, { tenantId: viewer.tenantId, id, departmentId: { $in: departmentIds } });
  }

  /** Whether the viewer may see the ticket: findVisible's rule in one statement, without loading it (live re-checks). */
  async isVisible(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || viewer.type === 'anonymous' || isCustomerSide(viewer)) return false;
    const rule = this.departments.visibleSql(viewer);
    const rows = await sql(
      this.em,
      `select 1 from tickets t join departments d on d.tenant_id = t.tenant_id and d.id = t.department_id where t.tenant_id = ? and t.id = ? and ${rule.text}`,
      [viewer.tenantId, id, ...rule.params],
    );
    return rows.length > 0;
  }

  async findVisibleByNumber(viewer: Viewer, number: number): Promise<ITicket | null> {
    if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647 || viewer.type === 'anonymous') return null;
    const departmentIds = await this.visibleDepartmentIds(viewer);
    return this.em.findOne(Ticket, { tenantId: viewer.tenantId, number, departmentId: { $in: departmentIds } });
  }

  async list(viewer: Viewer, filter: TicketFilter, order: TicketOrder, first: number, after: string | null | undefined): Promise<TicketPage> {
    if (viewer.type === 'anonymous') throw forbidden();
    const limit = Math.min(Math.max(Math.trunc(first), 1), PAGE_MAX);
    const departmentIds = await this.visibleDepartmentIds(viewer);
    const where = ticketWhere(viewer.tenantId, departmentIds, filter, viewer.type === 'user' ? viewer.userId : null);
    const search = searchText(filter.search);
    return search ? searchPage(this.em, where, search, limit, after) : this.listPage(where, order, limit, after);
  }

  private async listPage(where: { text: string; params: unknown[] }, order: TicketOrder, limit: number, after: string | null | undefined): Promise<TicketPage> {
    const column = ORDER_COLUMNS[order.field];
    const direction = order.direction === 'asc' ? 'asc' : 'desc';
    const cursor = decodeCursor(after);
    let keyset = '';
    const params = [...where.params];
    // Timestamps go into the cursor with PostgreSQL's microseconds: cut to a JavaScript Date's
    // milliseconds, a ticket in the same millisecond as the last one of a page would be skipped.
    const timestamp = order.field.endsWith('_at');
    if (cursor) {
      const [value, id] = cursor;
      const valid = timestamp ? typeof value === 'string' && CURSOR_TIMESTAMP.test(value) : typeof value === 'number' && Number.isInteger(value);
      if (typeof id !== 'string' || !isUuid(id) || !valid) decodeCursor('!');
      keyset = ` and (${column}, t.id) ${direction === 'desc' ? '<' : '>'} (${timestamp ? '?::timestamptz' : '?'}, ?)`;
      params.push(value, id);
    }
    const sortValue = timestamp ? `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : column;
    const connection = this.em.getConnection();
    const [rows, total] = await Promise.all([
      connection.execute<{ id: string; sort: string | number }[]>(
        `select t.id, ${sortValue} as sort from tickets t where ${where.text}${keyset} order by ${column} ${direction}, t.id ${direction} limit ?`,
        [...params, limit + 1],
      ),
      // Counted up to LIST_COUNT_MAX + 1 rows only: an exact count of a big department's open tickets costs
      // more than the whole page (7 ms for 20,000 at 1M tickets, measured with bench/tickets).
      connection.execute<{ n: string }[]>(
        `select count(*) as n from (select 1 from tickets t where ${where.text} limit ${LIST_COUNT_MAX + 1}) c`,
        where.params,
      ),
    ]);
    const page = rows.slice(0, limit);
    const tickets = await loadTicketRows(
      this.em,
      where.params[0] as string,
      page.map((r) => r.id),
    );
    const sorts = new Map(page.map((r) => [r.id, r.sort]));
    const result = tickets.map((ticket) => ({ ticket, cursor: encodeCursor([sorts.get(ticket.id), ticket.id]), snippet: null }));
    return {
      rows: result,
      hasNextPage: rows.length > limit,
      endCursor: result.at(-1)?.cursor ?? null,
      totalCount: Math.min(Number(total[0]?.n ?? 0), LIST_COUNT_MAX),
      totalCountExact: Number(total[0]?.n ?? 0) <= LIST_COUNT_MAX,
    };
  }

  /**
   * Ticket counts per visible department and status, for the sidebar. Only statuses that are not
   * closed are counted: those are what an inbox shows, and counting every closed ticket of a
   * million-ticket tenant on each change would cost a full scan.
   */
  async counts(viewer: Viewer): Promise<TicketCountRow[]> {
    if (viewer.type === 'anonymous') throw forbidden();
    const departmentIds = await this.visibleDepartmentIds(viewer);
    const rows = await this.em.getConnection().execute<{ department_id: string; status_id: string; n: string }[]>(
      `select department_id, status_id, count(*) as n from tickets
        where tenant_id = ? and department_id = any(?::uuid[]) and status_category <> 'closed' and merged_into_id is null
        group by department_id, status_id`,
      [viewer.tenantId, pgArray(departmentIds)],
    );
    return rows.map((r) => ({ departmentId: r.department_id, statusId: r.status_id, count: Number(r.n) }));
  }

  async statuses(tenantId: string): Promise<ITicketStatus[]> {
    return this.em.find(TicketStatus, { tenantId }, { orderBy: { position: 'asc' } });
  }
}
