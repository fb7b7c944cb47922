import { useQuery } from '@urql/vue';
import type { CustomerFieldsFragment } from '@/shared/graphql/generated/graphql';
import { computed, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { debounce } from '@/shared/utils/debounce';
import { customersQuery } from '../graphql/queries';

export type Customer = CustomerFieldsFragment;

/** Wait this long after the last key press before asking the server. */
const SEARCH_DELAY_MS = 250;
const RESULT_LIMIT = 10;

/**
 * Customers matching `search` (name, number or contact), asked for 250 ms after the text last
 * changed; an empty search lists the first few customers. Paused while `enabled` is false.
 */
export function useCustomerSearch(search: MaybeRefOrGetter<string>, enabled: MaybeRefOrGetter<boolean> = true) {
  const term = ref(toValue(search).trim());
  const update = debounce(() => {
    term.value = toValue(search).trim();
  }, SEARCH_DELAY_MS);
  watch(() => toValue(search), update.run);
  onScopeDispose(update.cancel);

  const query = useQuery({
    query: customersQuery,
    variables: computed(() => ({ search: term.value === '' ? null : term.value, first: RESULT_LIMIT })),
    pause: computed(() => !toValue(enabled)),
    context: { additionalTypenames: ['Customer'] },
  });

  return {
    customers: computed<Customer[]>(() => query.data.value?.customers ?? []),
    /** True while the typed text has not been answered yet. */
    searching: computed(() => query.fetching.value || term.value !== toValue(search).trim()),
    error: query.error,
  };
}
