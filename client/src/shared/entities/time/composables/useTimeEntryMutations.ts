import { useMutation } from '@urql/vue';
import { computed } from 'vue';
import type { TimeEntryCreateInput, TimeEntryUpdateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { timeEntryCreateMutation, timeEntryDeleteMutation, timeEntryUpdateMutation } from '../graphql/mutations';

/** timeEntryDelete returns only an id, so the typename whose cached lists go stale is named here. */
const context = { additionalTypenames: ['TimeEntry'] };

/**
 * Time entry actions as {@link Outcome}s. The server refuses time on a ticket without the
 * customer's consent (a field error on `ticketId`), minutes outside 1 to 1,440 (`minutes`), and
 * changes to billed entries (`id`); `update` needs the `version` the edit started from.
 */
export function useTimeEntryMutations() {
  const create = useMutation(timeEntryCreateMutation);
  const update = useMutation(timeEntryUpdateMutation);
  const remove = useMutation(timeEntryDeleteMutation);
  return {
    saving: computed(() => create.fetching.value || update.fetching.value),
    create: async (input: TimeEntryCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: TimeEntryUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
    remove: async (id: string) => toOutcome(await remove.executeMutation({ id }, context)),
  };
}
