import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { UserGroupFieldsFragment } from '@/shared/graphql/generated/graphql';
import { userGroupsQuery } from '../graphql/queries';

export type UserGroup = UserGroupFieldsFragment;

const context = { additionalTypenames: ['UserGroup'] };

/** The tenant's user groups (which set the hourly rate of their members), sorted by name. */
export function useUserGroups() {
  const query = useQuery({ query: userGroupsQuery, requestPolicy: 'cache-and-network', context });
  return {
    userGroups: computed<UserGroup[]>(() => [...(query.data.value?.userGroups ?? [])].sort((a, b) => a.name.localeCompare(b.name))),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
