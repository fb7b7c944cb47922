import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, toValue, type MaybeRefOrGetter } from 'vue';
import { LIVE_REFRESH_DELAY_MS, useTicketChanges } from '@/shared/entities/ticket/composables/useTicketChanges';
import type { TimeEntryFieldsFragment } from '@/shared/graphql/generated/graphql';
import { debounce } from '@/shared/utils/debounce';
import { ticketTimeQuery } from '../graphql/queries';

export type TimeEntry = TimeEntryFieldsFragment;

/** Known even while there are no entries yet, so the first entry invalidates the cached empty list. */
const context = { additionalTypenames: ['TimeEntry'] };

/**
 * The time of ticket `ticketId`: the entries the viewer may see (agents their own, admins all),
 * newest day first, and the ticket's totals over everyone's entries. Refetched after time
 * mutations (their typename) and on every `ticketChanged` of this ticket, which the server sends
 * when anyone records, changes, stops or bills time on it.
 */
export function useTicketTime(ticketId: MaybeRefOrGetter<string>) {
  const query = useQuery({
    query: ticketTimeQuery,
    variables: computed(() => ({ ticketId: toValue(ticketId) })),
    requestPolicy: 'cache-and-network',
    context,
  });

  function refetch(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  const refresh = debounce(refetch, LIVE_REFRESH_DELAY_MS);
  onScopeDispose(refresh.cancel);
  useTicketChanges({
    onChange: (changedId) => {
      if (changedId === toValue(ticketId)) refresh.run();
    },
  });

  return {
    entries: computed<TimeEntry[]>(() => query.data.value?.timeEntries ?? []),
    totalMinutes: computed(() => query.data.value?.ticket?.timeMinutes ?? 0),
    unbilledMinutes: computed(() => query.data.value?.ticket?.unbilledMinutes ?? 0),
    /** True only until the first answer; background refreshes keep showing the entries. */
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch,
  };
}
