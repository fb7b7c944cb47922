import { useMutation } from '@urql/vue';
import type { ApiTokenCreateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { apiTokenCreateMutation, apiTokenRevokeMutation } from '../graphql/mutations';

const context = { additionalTypenames: ['ApiToken'] };

export function useApiTokenMutations() {
  const create = useMutation(apiTokenCreateMutation);
  const revoke = useMutation(apiTokenRevokeMutation);
  return {
    creating: create.fetching,
    /** The answer holds the secret; it is never shown again after this. */
    create: async (input: ApiTokenCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    revoke: async (id: string) => toOutcome(await revoke.executeMutation({ id }, context)),
  };
}
