import { useMutation } from '@urql/vue';
import type { StaffCreateInput, StaffUpdateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { staffCreateMutation, staffUpdateMutation } from '../graphql/mutations';

const context = { additionalTypenames: ['Staff'] };

export function useStaffMutations() {
  const create = useMutation(staffCreateMutation);
  const update = useMutation(staffUpdateMutation);
  return {
    creating: create.fetching,
    updating: update.fetching,
    create: async (input: StaffCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: StaffUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
  };
}
