import { useQuery } from '@urql/vue';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import type { ReplyDefaultsQuery } from '@/shared/graphql/generated/graphql';
import { replyDefaultsQuery } from '../graphql/queries';

export type ReplyDefaults = ReplyDefaultsQuery['replyDefaults'];

/**
 * What the reply form of a ticket starts with (recipients, subject, status after sending) and
 * whether the ticket can be answered by mail at all. Asked from the network each time a form
 * opens, so a sending address an admin just turned on counts at once.
 */
export function useReplyDefaults(ticketId: MaybeRefOrGetter<string>) {
  const query = useQuery({
    query: replyDefaultsQuery,
    variables: computed(() => ({ ticketId: toValue(ticketId) })),
    requestPolicy: 'network-only',
    context: { additionalTypenames: ['Mailbox'] },
  });
  return {
    defaults: computed<ReplyDefaults | null>(() => query.data.value?.replyDefaults ?? null),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
