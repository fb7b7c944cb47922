import { useQuery } from '@urql/vue';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import type { FailedMailFieldsFragment } from '@/shared/graphql/generated/graphql';
import { failedMailsQuery } from '../graphql/queries';

export type FailedMail = FailedMailFieldsFragment;

/** How many failed mails the page lists (the API allows up to 200). */
export const FAILED_MAILS_SHOWN = 100;

const context = { additionalTypenames: ['FailedMail'] };

/** Mail that could not be imported, newest first: of one mailbox, or of all when `mailboxId` is null. */
export function useFailedMails(mailboxId: MaybeRefOrGetter<string | null>) {
  const query = useQuery({
    query: failedMailsQuery,
    variables: computed(() => ({ mailboxId: toValue(mailboxId), first: FAILED_MAILS_SHOWN })),
    requestPolicy: 'cache-and-network',
    context,
  });
  return {
    failedMails: computed<FailedMail[]>(() => query.data.value?.failedMails ?? []),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
