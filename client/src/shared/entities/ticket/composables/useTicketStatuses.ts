import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { TicketStatusFieldsFragment } from '@/shared/graphql/generated/graphql';
import { ticketStatusesQuery } from '../graphql/queries';

export type TicketStatus = TicketStatusFieldsFragment;

/** The tenant's ticket statuses in their configured order. */
export function useTicketStatuses() {
  const query = useQuery({ query: ticketStatusesQuery, requestPolicy: 'cache-first' });
  return {
    statuses: computed<TicketStatus[]>(() => [...(query.data.value?.ticketStatuses ?? [])].sort((a, b) => a.position - b.position)),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
  };
}
