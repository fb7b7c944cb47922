import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { ApiTokenFieldsFragment } from '@/shared/graphql/generated/graphql';
import { apiTokensQuery } from '../graphql/queries';

export type ApiToken = ApiTokenFieldsFragment;

const context = { additionalTypenames: ['ApiToken'] };

const revokedLast = (token: ApiToken): number => (token.revokedAt ? 1 : 0);

/** API tokens of the tenant: active ones first, newest first within each group. */
export function useApiTokens() {
  const query = useQuery({ query: apiTokensQuery, requestPolicy: 'cache-and-network', context });
  return {
    apiTokens: computed<ApiToken[]>(() =>
      [...(query.data.value?.apiTokens ?? [])].sort((a, b) => revokedLast(a) - revokedLast(b) || b.createdAt.localeCompare(a.createdAt)),
    ),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
