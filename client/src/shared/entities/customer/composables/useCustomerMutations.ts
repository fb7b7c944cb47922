import { useMutation } from '@urql/vue';
import type { CustomerCreateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { customerCreateMutation } from '../graphql/mutations';

const context = { additionalTypenames: ['Customer'] };

export function useCustomerMutations() {
  const create = useMutation(customerCreateMutation);
  return {
    creating: create.fetching,
    create: async (input: CustomerCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
  };
}
