import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { WidgetFieldsFragment } from '@/shared/graphql/generated/graphql';
import { widgetsQuery } from '../graphql/queries';

export type Widget = WidgetFieldsFragment;

/** Known even while the list is empty, so a first create invalidates the cached empty list. */
const context = { additionalTypenames: ['Widget'] };

/** The tenant's contact widgets (admins). */
export function useWidgets() {
  const query = useQuery({ query: widgetsQuery, requestPolicy: 'cache-and-network', context });
  return {
    widgets: computed<Widget[]>(() => query.data.value?.widgets ?? []),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
