import { useQuery, useSubscription } from '@urql/vue';
import { computed, onScopeDispose } from 'vue';
import { LIVE_REFRESH_DELAY_MS } from '@/shared/entities/ticket/composables/useTicketChanges';
import type { MailboxFieldsFragment } from '@/shared/graphql/generated/graphql';
import { debounce } from '@/shared/utils/debounce';
import { mailboxesQuery } from '../graphql/queries';
import { mailboxChangedSubscription } from '../graphql/subscriptions';

export type Mailbox = MailboxFieldsFragment;

/** Known even while the list is empty, so a first create invalidates the cached empty list. */
const context = { additionalTypenames: ['Mailbox'] };

/**
 * The mailboxes the admin may manage, by address, with their live state: every `mailboxChanged`
 * event (settings saved anywhere, connection changes, imports, failures) refetches the list from
 * the network, once per burst of events.
 */
export function useMailboxes() {
  const query = useQuery({ query: mailboxesQuery, requestPolicy: 'cache-and-network', context });

  function refetch(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  const refresh = debounce(refetch, LIVE_REFRESH_DELAY_MS);
  onScopeDispose(refresh.cancel);
  useSubscription({ query: mailboxChangedSubscription }, (_previous, event) => {
    refresh.run();
    return event;
  });

  return {
    mailboxes: computed<Mailbox[]>(() => [...(query.data.value?.mailboxes ?? [])].sort((a, b) => a.address.localeCompare(b.address))),
    /** True only until the first answer; background refreshes keep showing the list. */
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch,
  };
}
