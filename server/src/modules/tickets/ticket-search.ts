import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../infra/sql.js';
import type { ITicket } from './ticket.entity.js';
import { decodeCursor, encodeCursor, pgArray, snippetHtml, type Sql } from './ticket.filter.js';
import type { TicketPage } from './ticket-query.service.js';
import { loadTicketRows } from './ticket-rows.js';

/** Matches taken from each search source (subjects, messages) before ranking. */
export const SEARCH_CANDIDATES = 1000;
/** A search estimated to match more messages than this takes the newest matches instead of all (see searchPage). */
const FREQUENT_MESSAGE_HITS = 100_000;
/** How many of the newest matching tickets such a search ranks (found among the FREQUENT_WALK newest tickets). */
const FREQUENT_CANDIDATES = 150;
const FREQUENT_WALK = 5000;
/** Lexeme frequencies of messages.search_doc as of the last ANALYZE (mark: row estimate and analyze time). */
let wordStats: { mark: string; messages: number; shares: Map<string, number> } | null = null;

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
export async function searchPage(em: EntityManager, where: Sql, search: string, limit: number, after: string | null | undefined): Promise<TicketPage> {
  const cursor = decodeCursor(after);
  const offset = cursor ? Number(cursor[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > SEARCH_CANDIDATES) decodeCursor('!');
  const query = `websearch_to_tsquery('german', ?) || websearch_to_tsquery('simple', ?)`;
  type Row = { id: string; rank: number; total: string; subject_hits: string; message_hits: string };
  const connection = em.getConnection();
  // Words that are all common: the newest matches, if the newest tickets hold enough of them (words
  // common on their own can still be rare together); otherwise, and for rarer words, the indexes.
  let frequent = (await leastCommonWordHits(em, search)) > FREQUENT_MESSAGE_HITS;
  let rows: Row[] = [];
  if (frequent) {
    rows = await connection.execute<Row[]>(newestMatchesSql(where, query), [
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
    rows = await connection.execute<Row[]>(indexedMatchesSql(where, query), [
      search,
      search,
      ...where.params,
      where.params[0],
      ...where.params,
      limit + 1,
      offset,
    ]);
  const page = rows.slice(0, limit);
  const tickets = await loadTicketRows(
    em,
    where.params[0] as string,
    page.map((r) => r.id),
  );
  const snippetsById = await snippets(em, tickets, search);
  const result = tickets.map((ticket, i) => ({ ticket, cursor: encodeCursor([offset + i + 1]), snippet: snippetsById.get(ticket.id) ?? null }));
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
async function leastCommonWordHits(em: EntityManager, search: string): Promise<number> {
  const [row] = await sql<{ lexemes: string[]; messages: number; mark: string }>(
    em,
    `select tsvector_to_array(to_tsvector('german', ?)) as lexemes, c.reltuples as messages,
            c.reltuples::text || '/' || coalesce(greatest(s.last_analyze, s.last_autoanalyze)::text, '') as mark
       from pg_class c left join pg_stat_user_tables s on s.relid = c.oid where c.oid = 'messages'::regclass`,
    [search],
  );
  if (!row || row.lexemes.length === 0) return 0;
  if (wordStats?.mark !== row.mark) {
    const rows = await sql<{ lexeme: string; share: number }>(
      em,
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
function newestMatchesSql(where: { text: string }, query: string): string {
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
function indexedMatchesSql(where: { text: string }, query: string): string {
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
async function snippets(em: EntityManager, tickets: readonly ITicket[], search: string): Promise<Map<string, string>> {
  if (tickets.length === 0) return new Map();
  const tenantId = tickets[0]!.tenantId;
  const options = 'StartSel=\u0001, StopSel=\u0002, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';
  const rows = await em.getConnection().execute<{ ticket_id: string; headline: string }[]>(
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
    const subjects = await em.getConnection().execute<{ id: string; headline: string }[]>(
      `with q as (select websearch_to_tsquery('german', ?) || websearch_to_tsquery('simple', ?) as q)
       select t.id, ts_headline('german', translate(t.subject || coalesce(' — ' || t.customer_name, ''), E'\\x01\\x02', ''), q.q, ?) as headline
         from tickets t, q where t.tenant_id = ? and t.id = any(?::uuid[])`,
      [search, search, options, tenantId, pgArray(missing.map((t) => t.id))],
    );
    for (const row of subjects) result.set(row.id, snippetHtml(row.headline));
  }
  return result;
}
