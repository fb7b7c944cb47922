import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { StaffFieldsFragment } from '@/shared/graphql/generated/graphql';
import { staffQuery } from '../graphql/queries';

export type StaffMember = StaffFieldsFragment;

const context = { additionalTypenames: ['Staff'] };

/** All staff members of the tenant, sorted by name. */
export function useStaff() {
  const query = useQuery({ query: staffQuery, requestPolicy: 'cache-and-network', context });
  return {
    staff: computed<StaffMember[]>(() => [...(query.data.value?.staff ?? [])].sort((a, b) => a.name.localeCompare(b.name))),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
