import { useQuery, useSubscription } from '@urql/vue';
import { computed } from 'vue';
import type { DepartmentFieldsFragment } from '@/shared/graphql/generated/graphql';
import { departmentsQuery } from '../graphql/queries';
import { departmentChangedSubscription } from '../graphql/subscriptions';

export type Department = DepartmentFieldsFragment;

/** Known even while the list is empty, so a first create invalidates the cached empty list. */
const context = { additionalTypenames: ['Department'] };

/**
 * The departments the viewer may see, sorted by name. With `live`, any
 * `departmentChanged` event (from this or another console) refetches the list
 * from the server, which re-applies the viewer's permissions.
 */
export function useDepartments(options: { live?: boolean } = {}) {
  const query = useQuery({ query: departmentsQuery, requestPolicy: 'cache-and-network', context });

  function refetch(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  if (options.live) {
    useSubscription({ query: departmentChangedSubscription }, (_previous, event) => {
      refetch();
      return event;
    });
  }

  const departments = computed<Department[]>(() => [...(query.data.value?.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name)));

  return {
    departments,
    /** True only until the first answer; background refreshes keep showing the list. */
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch,
  };
}
