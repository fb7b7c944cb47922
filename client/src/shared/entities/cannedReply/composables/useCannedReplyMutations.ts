import { useMutation } from '@urql/vue';
import { computed } from 'vue';
import type { CannedReplyCreateInput, CannedReplyUpdateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { cannedReplyCreateMutation, cannedReplyDeleteMutation, cannedReplyUpdateMutation } from '../graphql/mutations';

/** cannedReplyDelete returns only an id, so the typename to invalidate is named here. */
const context = { additionalTypenames: ['CannedReply'] };

/**
 * Managing canned replies (admins) as {@link Outcome}s. `update` needs the `version` the edit
 * started from: CONFLICT when someone saved in between.
 */
export function useCannedReplyMutations() {
  const create = useMutation(cannedReplyCreateMutation);
  const update = useMutation(cannedReplyUpdateMutation);
  const remove = useMutation(cannedReplyDeleteMutation);
  return {
    saving: computed(() => create.fetching.value || update.fetching.value),
    create: async (input: CannedReplyCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: CannedReplyUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
    remove: async (id: string) => toOutcome(await remove.executeMutation({ id }, context)),
  };
}
