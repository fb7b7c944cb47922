import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { ticketCountsQuery } from '../graphql/queries';
import { countByCategory } from '../ticketCounts';
import { useTicketChanges } from './useTicketChanges';
import { useTicketStatuses } from './useTicketStatuses';

/**
 * Ticket counts per department and status category (open, pending, closed) for the departments
 * the viewer may see. With `live`, ticket changes refetch them from the network.
 */
export function useTicketCounts(options: { live?: boolean } = {}) {
  const query = useQuery({ query: ticketCountsQuery, context: { additionalTypenames: ['Ticket'] } });
  const { statuses } = useTicketStatuses();

  function refetch(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  if (options.live) useTicketChanges({ refresh: refetch });

  const counts = computed(() => countByCategory(query.data.value?.ticketCounts ?? [], statuses.value));

  return {
    byDepartment: computed(() => counts.value.byDepartment),
    total: computed(() => counts.value.total),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch,
  };
}
