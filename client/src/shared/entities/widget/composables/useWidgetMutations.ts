import { useMutation } from '@urql/vue';
import type { WidgetCreateInput, WidgetUpdateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { widgetCreateMutation, widgetDeleteMutation, widgetUpdateMutation } from '../graphql/mutations';

/** widgetDelete returns only an id, so the typename to invalidate is named here. */
const context = { additionalTypenames: ['Widget'] };

export function useWidgetMutations() {
  const create = useMutation(widgetCreateMutation);
  const update = useMutation(widgetUpdateMutation);
  const remove = useMutation(widgetDeleteMutation);
  return {
    saving: create.fetching,
    create: async (input: WidgetCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: WidgetUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
    remove: async (id: string) => toOutcome(await remove.executeMutation({ id }, context)),
  };
}
