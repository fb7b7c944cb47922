import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';
import { toOutcome } from '@/shared/graphql/outcome';
import { signatureUpdateMutation } from '../graphql/mutations';
import { mySignatureQuery } from '../graphql/queries';

/** The viewer's own signature (with placeholders), placed above the address's in every reply they send. */
export function useMySignature() {
  const query = useQuery({ query: mySignatureQuery, requestPolicy: 'network-only' });
  return {
    signature: computed(() => query.data.value?.mySignature ?? null),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/**
 * Saves a signature: the viewer's own without `mailboxId`, an address's (admins) with it. Resolves
 * with the text as stored (trailing blanks removed). An address's signature changes its mailbox
 * (and its version), so cached mailboxes are dropped.
 */
export function useSignatureUpdate() {
  const mutation = useMutation(signatureUpdateMutation);
  return {
    saving: mutation.fetching,
    save: async (text: string, mailboxId?: string) =>
      toOutcome(await mutation.executeMutation({ input: { text, ...(mailboxId ? { mailboxId } : {}) } }, { additionalTypenames: ['Mailbox'] })),
  };
}
