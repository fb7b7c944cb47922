import { useMutation } from '@urql/vue';
import type { UserGroupCreateInput, UserGroupUpdateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { userGroupCreateMutation, userGroupUpdateMutation } from '../graphql/mutations';

const context = { additionalTypenames: ['UserGroup'] };

export function useUserGroupMutations() {
  const create = useMutation(userGroupCreateMutation);
  const update = useMutation(userGroupUpdateMutation);
  return {
    creating: create.fetching,
    create: async (input: UserGroupCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: UserGroupUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
  };
}
