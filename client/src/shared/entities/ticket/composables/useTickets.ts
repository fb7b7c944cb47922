import { useClientHandle } from '@urql/vue';
import type { CombinedError } from '@urql/core';
import { onScopeDispose, reactive, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { TicketFilter, TicketListFieldsFragment, TicketOrder } from '@/shared/graphql/generated/graphql';
import { ticketsQuery } from '../graphql/queries';
import { useTicketChanges } from './useTicketChanges';

/** One inbox row: the ticket and, when searching, the highlighted match (`<mark>` only, rest escaped). */
export type TicketRow = TicketListFieldsFragment & { snippet: string | null };

export interface TicketListParams {
  filter: TicketFilter;
  orderBy: TicketOrder;
}

/** Default page size; the API allows 1 to 100. */
export const TICKET_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
/** How long a row stays marked as "just changed" after a live event. */
const FRESH_MS = 4000;

/**
 * A page-wise list of tickets for `params`, loaded again whenever they change. `loadMore()`
 * appends the next page (cursor `after`). With `live`, `ticketChanged` events refetch what is
 * shown (at least one page, at most 100 rows) from the network and mark the changed rows fresh
 * for a few seconds.
 */
export function useTickets(params: MaybeRefOrGetter<TicketListParams>, options: { live?: boolean } = {}) {
  const { client } = useClientHandle();
  const rows = shallowRef<TicketRow[]>([]);
  const totalCount = ref(0);
  const totalCountExact = ref(true);
  const endCursor = ref<string | null>(null);
  const hasNextPage = ref(false);
  const loading = ref(true);
  const loadingMore = ref(false);
  const error = shallowRef<CombinedError | null>(null);
  const fresh = reactive(new Set<string>());
  const freshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // Answers to an older request (params changed meanwhile) are dropped.
  let generation = 0;

  async function fetchPage(first: number, after: string | null) {
    const { filter, orderBy } = toValue(params);
    return client.query(ticketsQuery, { filter, orderBy, first, after }, { requestPolicy: 'network-only' }).toPromise();
  }

  /** Loads the first page again; `keepLength` keeps as many rows as are shown (for live refreshes). */
  async function load(keepLength = false): Promise<void> {
    const current = ++generation;
    if (!keepLength) loading.value = true;
    const first = keepLength ? Math.min(MAX_PAGE_SIZE, Math.max(TICKET_PAGE_SIZE, rows.value.length)) : TICKET_PAGE_SIZE;
    const result = await fetchPage(first, null);
    if (current !== generation) return;
    loading.value = false;
    error.value = result.error ?? null;
    const connection = result.data?.tickets;
    if (!connection) return;
    rows.value = connection.edges.map((edge) => ({ ...edge.node, snippet: edge.snippet ?? null }));
    totalCount.value = connection.totalCount;
    totalCountExact.value = connection.totalCountExact;
    endCursor.value = connection.pageInfo.endCursor ?? null;
    hasNextPage.value = connection.pageInfo.hasNextPage;
  }

  async function loadMore(): Promise<void> {
    if (!hasNextPage.value || loadingMore.value) return;
    const current = generation;
    loadingMore.value = true;
    const result = await fetchPage(TICKET_PAGE_SIZE, endCursor.value);
    loadingMore.value = false;
    if (current !== generation) return;
    error.value = result.error ?? null;
    const connection = result.data?.tickets;
    if (!connection) return;
    // A ticket that moved up between two pages would otherwise show twice.
    const known = new Set(rows.value.map((row) => row.id));
    const next = connection.edges.filter((edge) => !known.has(edge.node.id)).map((edge) => ({ ...edge.node, snippet: edge.snippet ?? null }));
    rows.value = [...rows.value, ...next];
    totalCount.value = connection.totalCount;
    totalCountExact.value = connection.totalCountExact;
    endCursor.value = connection.pageInfo.endCursor ?? null;
    hasNextPage.value = connection.pageInfo.hasNextPage;
  }

  function markFresh(ticketId: string): void {
    fresh.add(ticketId);
    clearTimeout(freshTimers.get(ticketId));
    freshTimers.set(
      ticketId,
      setTimeout(() => {
        fresh.delete(ticketId);
        freshTimers.delete(ticketId);
      }, FRESH_MS),
    );
  }

  watch(
    () => JSON.stringify(toValue(params)),
    () => void load(),
    { immediate: true },
  );

  if (options.live) useTicketChanges({ onChange: markFresh, refresh: () => void load(true) });

  onScopeDispose(() => {
    generation++;
    freshTimers.forEach((timer) => clearTimeout(timer));
  });

  return {
    rows,
    totalCount,
    /** False when totalCount is a lower limit (big lists and searches are counted up to a bound). */
    totalCountExact,
    hasNextPage,
    /** True until the first answer for the current params; live refreshes keep showing the rows. */
    loading,
    loadingMore,
    error,
    /** Ids of rows that changed in the last few seconds (live events). */
    fresh,
    loadMore,
    refetch: () => load(true),
  };
}
