import { useQuery, useSubscription } from '@urql/vue';
import { computed, onScopeDispose, toValue, type MaybeRefOrGetter } from 'vue';
import type { TicketByNumberQuery } from '@/shared/graphql/generated/graphql';
import { debounce } from '@/shared/utils/debounce';
import { ticketByNumberQuery } from '../graphql/queries';
import { messageAddedSubscription } from '../graphql/subscriptions';
import { LIVE_REFRESH_DELAY_MS, useTicketChanges } from './useTicketChanges';

export type TicketDetail = NonNullable<TicketByNumberQuery['ticketByNumber']>;
export type TicketMessage = TicketDetail['messages'][number];
export type TicketHistoryEntry = TicketDetail['history'][number];

/**
 * One ticket by its number, with thread and history. With `live`, new messages
 * (`messageAdded`) and changes of this ticket (`ticketChanged`) refetch it from the network,
 * which also picks up a new `version` for the next save.
 */
export function useTicket(number: MaybeRefOrGetter<number>, options: { live?: boolean } = {}) {
  const query = useQuery({
    query: ticketByNumberQuery,
    variables: computed(() => ({ number: toValue(number) })),
    context: { additionalTypenames: ['Ticket', 'Message'] },
  });
  // While the variables change, urql may still hold the previous ticket.
  const ticket = computed<TicketDetail | null>(() => {
    const found = query.data.value?.ticketByNumber ?? null;
    return found && found.number === toValue(number) ? found : null;
  });
  const ticketId = computed(() => ticket.value?.id ?? null);

  function refetch(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  if (options.live) {
    const refresh = debounce(refetch, LIVE_REFRESH_DELAY_MS);
    onScopeDispose(refresh.cancel);
    useTicketChanges({
      onChange: (changedId) => {
        if (changedId === ticketId.value) refresh.run();
      },
    });
    useSubscription(
      {
        query: messageAddedSubscription,
        variables: computed(() => ({ ticketId: ticketId.value ?? '' })),
        pause: computed(() => ticketId.value === null),
      },
      (_previous, event) => {
        refresh.run();
        return event;
      },
    );
  }

  return {
    ticket,
    /** True until the first answer for this number; background refreshes keep showing the ticket. */
    loading: computed(() => query.fetching.value && !ticket.value && !query.error.value),
    /** Answered, but there is no such ticket or the viewer may not see it. */
    notFound: computed(() => !query.fetching.value && !query.error.value && query.data.value !== undefined && !query.data.value.ticketByNumber),
    error: query.error,
    refetch,
  };
}
