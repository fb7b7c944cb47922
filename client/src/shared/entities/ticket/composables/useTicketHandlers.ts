import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { ticketHandlersQuery } from '../graphql/queries';

/** Staff who may handle tickets, by name. */
export function useTicketHandlers() {
  const query = useQuery({ query: ticketHandlersQuery });
  return {
    handlers: computed(() => [...(query.data.value?.ticketHandlers ?? [])].sort((a, b) => a.name.localeCompare(b.name))),
    error: query.error,
  };
}
