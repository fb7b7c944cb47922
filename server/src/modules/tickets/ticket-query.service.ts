import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../../graphql/errors.js';
import { sql, timestamp } from '../../infra/sql.js';
import { isUuid } from '../../shared/ids.js';
import type { Viewer } from '../auth/viewer.js';
import type { DepartmentService } from '../departments/department.service.js';
import { Ticket, TicketStatus, type ITicket, type ITicketStatus } from './ticket.entity.js';
import { PAGE_MAX, pgArray, decodeCursor, encodeCursor, searchText, snippetHtml, ticketWhere, type TicketFilter, type TicketOrder } from './ticket.filter.js';

export interface TicketPage {
  rows: { ticket: ITicket; cursor: string; snippet: string | null }[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
  /** False when a search found more than it ranks; totalCount is then a lower limit. */
  totalCountExact: boolean;
}

/** Matches taken from each search source (subjects, messages) before ranking. */
export const SEARCH_CANDIDATES = 1000;
/** A search estimated to match more messages than this takes the newest matches instead of all (see searchPage). */
const FREQUENT_MESSAGE_HITS = 100_000;
/** How many of the newest matching tickets such a search ranks, */
const FREQUENT_CANDIDATES = 150;
/** found among at most this many of the newest tickets. */
const FREQUENT_WALK = 5000;
/** Lexeme frequencies of messages.search_doc as of the last ANALYZE (mark: row estimate and analyze time). */
let wordStats: { mark: string; messages: number; shares: Map<string, number> } | null = null;
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
    if (viewer.type === 'anonymous' || (viewer.type === 'user' && viewer.kind === 'customer')) throw forbidden();
    return (await this.departments.list(viewer)).map((d) => d.id);
  }

  /** A ticket the viewer may see, or null (unknown, another tenant's, or out of reach all look the same). */
  async findVisible(viewer: Viewer, id: string): Promise<ITicket | null> {
    if (!isUuid(id) || viewer.type === 'anonymous') return null;
    const departmentIds = await this.visibleDepartmentIds(viewer);
    return this.em.findOne(Ticket, { tenantId: viewer.tenantId, id, departmentId: { $in: departmentIds } });
  }

  /** Whether the viewer may see the ticket: findVisible's rule in one statement, without loading it (live re-checks). */
  async isVisible(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || viewer.type === 'anonymous' || (viewer.type === 'user' && viewer.kind === 'customer')) return false;
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
    return search ? this.searchPage(where, search, limit, after) : this.listPage(where, order, limit, after);
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
    const tickets = await this.load(
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
   * Ranked search over ticket subjects and customer names (tickets.search_doc) and message texts
   * (messages.search_doc), German and simple configurations OR-ed, so both stemmed words and exact
   * tokens (numbers, names) match. The snippet comes from the best matching message, or the subject.
   *
   * The work is bounded (measured with bench/tickets at 1M tickets, 5M messages), in one of two ways:
   * - usually at most SEARCH_CANDIDATES visible matches are taken from each source's GIN index and
   *   ranked, in one query that also counts them;
   * - when every word of the search is in more than FREQUENT_MESSAGE_HITS messages (PostgreSQL's
   *   statistics say so), collecting the matches from the index alone takes 100 ms and more, so the
   *   newest FREQUENT_CANDIDATES matching tickets are ranked instead (see newestMatchesSql).
   * Beyond the bound, totalCount is a lower limit and totalCountExact is false.
   */
  private async searchPage(where: { text: string; params: unknown[] }, search: string, limit: number, after: string | null | undefined): Promise<TicketPage> {
    const cursor = decodeCursor(after);
    const offset = cursor ? Number(cursor[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > SEARCH_CANDIDATES) decodeCursor('!');
    const query = `websearch_to_tsquery('german', ?) || websearch_to_tsquery('simple', ?)`;
    type Row = { id: string; rank: number; total: string; subject_hits: string; message_hits: string };
    const connection = this.em.getConnection();
    // Words that are all common: the newest matches, if the newest tickets hold enough of them (words
    // common on their own can still be rare together); otherwise, and for rarer words, the indexes.
    let frequent = (await this.leastCommonWordHits(search)) > FREQUENT_MESSAGE_HITS;
    let rows: Row[] = [];
    if (frequent) {
      rows = await connection.execute<Row[]>(this.newestMatchesSql(where, query), [
        search,
        search,
        ...where.params,
        FREQUENT_WALK,
        FREQUENT_CANDIDATES,
        limit + 1,
        offset,
      ]);
      frequent = Number(rows[0]?.total ?? 0) >= FREQUENT_CANDIDATES;
    }
    if (!frequent)
      rows = await connection.execute<Row[]>(this.indexedMatchesSql(where, query), [
        search,
        search,
        ...where.params,
        where.params[0],
        ...where.params,
        limit + 1,
        offset,
      ]);
    const page = rows.slice(0, limit);
    const tickets = await this.load(
      where.params[0] as string,
      page.map((r) => r.id),
    );
    const snippets = await this.snippets(tickets, search);
    const result = tickets.map((ticket, i) => ({ ticket, cursor: encodeCursor([offset + i + 1]), snippet: snippets.get(ticket.id) ?? null }));
    const first = rows[0];
    const bound = frequent ? FREQUENT_CANDIDATES : SEARCH_CANDIDATES;
    const exact = !first || (Number(first.subject_hits) < bound && Number(first.message_hits) < bound);
    // An offset past the last row returns nothing, and with it no count: a later page of an empty tail.
    return {
      rows: result,
      hasNextPage: rows.length > limit,
      endCursor: result.at(-1)?.cursor ?? null,
      totalCount: Number(first?.total ?? 0),
      totalCountExact: exact,
    };
  }

  /**
   * How many messages hold the search's least common word, from PostgreSQL's statistics of the
   * messages' search column (lexeme frequencies); 0 when a word is rarer than the statistics track.
   * When even that word is in very many messages, collecting every match from the index is slow.
   * The frequencies are read from pg_stats (5-7 ms) only when ANALYZE has changed them; each search
   * asks for its words and that mark in one short statement.
   */
  private async leastCommonWordHits(search: string): Promise<number> {
    const [row] = await sql<{ lexemes: string[]; messages: number; mark: string }>(
      this.em,
      `select tsvector_to_array(to_tsvector('german', ?)) as lexemes, c.reltuples as messages,
              c.reltuples::text || '/' || coalesce(greatest(s.last_analyze, s.last_autoanalyze)::text, '') as mark
         from pg_class c left join pg_stat_user_tables s on s.relid = c.oid where c.oid = 'messages'::regclass`,
      [search],
    );
    if (!row || row.lexemes.length === 0) return 0;
    if (wordStats?.mark !== row.mark) {
      const rows = await sql<{ lexeme: string; share: number }>(
        this.em,
        `select u.lexeme, u.share from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(lexeme, share)
          where s.schemaname = current_schema() and s.tablename = 'messages' and s.attname = 'search_doc'`,
      );
      wordStats = { mark: row.mark, messages: Math.max(0, row.messages), shares: new Map(rows.map((r) => [r.lexeme, r.share])) };
    }
    let least = Infinity;
    for (const lexeme of row.lexemes) least = Math.min(least, wordStats.shares.get(lexeme) ?? 0);
    return least * wordStats.messages;
  }

  /**
   * For words in very many messages: the newest matching tickets (walking at most FREQUENT_WALK
   * tickets by last activity, checking each one's subject and messages) instead of collecting every
   * match from the index, which for a word in 10 % of 5,000,000 messages alone takes over 100 ms.
   * The newest FREQUENT_CANDIDATES matches are ranked; the caller falls back to the index when the
   * walk found fewer.
   */
  private newestMatchesSql(where: { text: string }, query: string): string {
    return `
      with q as (select ${query} as q),
      newest as materialized (
        select t.id, t.tenant_id, t.search_doc
          from (select t.id, t.tenant_id, t.search_doc, t.last_activity_at from tickets t where ${where.text} order by t.last_activity_at desc, t.id desc limit ?) t, q
         where t.search_doc @@ q.q or exists (select 1 from messages m where m.tenant_id = t.tenant_id and m.ticket_id = t.id and m.search_doc @@ q.q)
         order by t.last_activity_at desc, t.id desc limit ?
      ),
      ranked as (
        select n.id, greatest(
                 case when n.search_doc @@ q.q then ts_rank(n.search_doc, q.q) else 0 end,
                 coalesce((select max(ts_rank(m.search_doc, q.q)) from messages m
                            where m.tenant_id = n.tenant_id and m.ticket_id = n.id and m.search_doc @@ q.q), 0) * 0.8) as rank
          from newest n, q
      )
      select id, rank, count(*) over () as total, count(*) over () as subject_hits, count(*) over () as message_hits
        from ranked order by rank desc, id limit ? offset ?`;
  }

  /** For rarer words: every match from the GIN indexes, at most SEARCH_CANDIDATES per source, ranked. */
  private indexedMatchesSql(where: { text: string }, query: string): string {
    return `
      with q as (select ${query} as q),
      subject_hits as (
        select t.id, ts_rank(t.search_doc, q.q) as rank from tickets t, q where t.search_doc @@ q.q and ${where.text} limit ${SEARCH_CANDIDATES}
      ),
      message_hits as (
        select t.id, ts_rank(m.search_doc, q.q) * 0.8 as rank from messages m join tickets t on t.tenant_id = m.tenant_id and t.id = m.ticket_id, q
          where m.tenant_id = ? and m.search_doc @@ q.q and ${where.text} limit ${SEARCH_CANDIDATES}
      ),
      ranked as (
        select id, max(rank) as rank from (select * from subject_hits union all select * from message_hits) hits group by id
      )
      select id, rank, count(*) over () as total,
             (select count(*) from subject_hits) as subject_hits, (select count(*) from message_hits) as message_hits
        from ranked order by rank desc, id limit ? offset ?`;
  }

  /** One highlighted fragment per ticket: from the best matching message, else from the subject. */
  private async snippets(tickets: readonly ITicket[], search: string): Promise<Map<string, string>> {
    if (tickets.length === 0) return new Map();
    const tenantId = tickets[0]!.tenantId;
    const options = 'StartSel=\u0001, StopSel=\u0002, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';
    const rows = await this.em.getConnection().execute<{ ticket_id: string; headline: string }[]>(
      // The page's messages first (a few per ticket, by ticket), then the match test: left to the planner,
      // the test would go to the search index, which for a common word costs 100 ms and more.
      `with q as (select websearch_to_tsquery('german', ?) || websearch_to_tsquery('simple', ?) as q),
       page as materialized (select ticket_id, body_text, search_doc from messages where tenant_id = ? and ticket_id = any(?::uuid[])),
       best as (select distinct on (p.ticket_id) p.ticket_id, p.body_text from page p, q where p.search_doc @@ q.q order by p.ticket_id, ts_rank(p.search_doc, q.q) desc)
       select best.ticket_id, ts_headline('german', translate(best.body_text, E'\\x01\\x02', ''), q.q, ?) as headline from best, q`,
      [search, search, tenantId, pgArray(tickets.map((t) => t.id)), options],
    );
    const result = new Map(rows.map((r) => [r.ticket_id, snippetHtml(r.headline)]));
    const missing = tickets.filter((t) => !result.has(t.id));
    if (missing.length > 0) {
      const subjects = await this.em.getConnection().execute<{ id: string; headline: string }[]>(
        `with q as (select websearch_to_tsquery('german', ?) || websearch_to_tsquery('simple', ?) as q)
         select t.id, ts_headline('german', translate(t.subject || coalesce(' — ' || t.customer_name, ''), E'\\x01\\x02', ''), q.q, ?) as headline
           from tickets t, q where t.tenant_id = ? and t.id = any(?::uuid[])`,
        [search, search, options, tenantId, pgArray(missing.map((t) => t.id))],
      );
      for (const row of subjects) result.set(row.id, snippetHtml(row.headline));
    }
    return result;
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

  /**
   * Loads a page of tickets by id keeping the given order, read-only: plain rows, not managed
   * entities (hydrating 25 entities of 28 properties was the largest single cost of an inbox page).
   */
  private async load(tenantId: string, ids: readonly string[]): Promise<ITicket[]> {
    if (ids.length === 0) return [];
    const rows = await sql<TicketRow>(this.em, `select ${TICKET_COLUMNS} from tickets where tenant_id = ? and id = any(?::uuid[])`, [tenantId, pgArray(ids)]);
    const byId = new Map(rows.map((row) => [row.id, ticketFromRow(row)]));
    return ids.map((id) => byId.get(id)).filter((t): t is ITicket => t !== undefined);
  }
}

const TICKET_COLUMNS = `id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, customer_id,
  contact_id, customer_name, handler_id, customer_note, internal_note, to_char(expected_date, 'YYYY-MM-DD') as expected_date,
  estimated_minutes, processing_start, processing_end, time_tracking_allowed, merged_into_id, created_at, updated_at,
  last_customer_activity_at, last_agent_activity_at, last_activity_at, unread, version`;

interface TicketRow {
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
  version: number;
}

/** A tickets row as the entity's shape (what the ORM would hydrate), for read-only pages. */
function ticketFromRow(r: TicketRow): ITicket {
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
    version: r.version,
  };
}
