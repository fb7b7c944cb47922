import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useTicketChanges } from '@/shared/entities/ticket/composables/useTicketChanges';
import type { UnbilledTicketFieldsFragment } from '@/shared/graphql/generated/graphql';
import { unbilledTicketsQuery } from '../graphql/queries';

export type UnbilledTicket = UnbilledTicketFieldsFragment;

/** The API's page limit; more unbilled tickets than this are billed in rounds. */
export const UNBILLED_SHOWN = 100;

const context = { additionalTypenames: ['Ticket', 'TimeEntry', 'Quote'] };

/**
 * Tickets with time not yet billed, by number, with their customer and unbilled minutes. Live:
 * every `ticketChanged` (time recorded or billed anywhere) refetches the list, once per burst.
 */
export function useUnbilledTickets() {
  const query = useQuery({ query: unbilledTicketsQuery, variables: { first: UNBILLED_SHOWN }, requestPolicy: 'cache-and-network', context });

  function refetch(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  useTicketChanges({ refresh: refetch });

  return {
    tickets: computed<UnbilledTicket[]>(() => query.data.value?.tickets.edges.map((edge) => edge.node) ?? []),
    totalCount: computed(() => query.data.value?.tickets.totalCount ?? 0),
    /** False when totalCount is a lower limit (more than 1,000 tickets). */
    totalCountExact: computed(() => query.data.value?.tickets.totalCountExact ?? true),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch,
  };
}
