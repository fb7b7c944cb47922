import { useMutation } from '@urql/vue';
import type { DepartmentCreateInput, DepartmentUpdateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { departmentCreateMutation, departmentDeleteMutation, departmentUpdateMutation } from '../graphql/mutations';

/** departmentDelete returns only an id, so the typename to invalidate is named here. */
const context = { additionalTypenames: ['Department'] };

export function useDepartmentMutations() {
  const create = useMutation(departmentCreateMutation);
  const update = useMutation(departmentUpdateMutation);
  const remove = useMutation(departmentDeleteMutation);

  return {
    creating: create.fetching,
    create: async (input: DepartmentCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: DepartmentUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
    remove: async (id: string) => toOutcome(await remove.executeMutation({ id }, context)),
  };
}
