import { useClientHandle, useQuery } from '@urql/vue';
import { computed, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { CannedReplyFieldsFragment } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { debounce } from '@/shared/utils/debounce';
import { cannedRepliesQuery, cannedReplyRenderQuery } from '../graphql/queries';

export type CannedReply = CannedReplyFieldsFragment;

/** Wait this long after the last key press before asking the server. */
const SEARCH_DELAY_MS = 150;

/** Known even while the list is empty, so a first create invalidates the cached empty list. */
const context = { additionalTypenames: ['CannedReply'] };

/** Every canned reply the viewer may use or (admins) manage, by category and title. */
export function useCannedReplies() {
  const query = useQuery({ query: cannedRepliesQuery, variables: { filter: null }, requestPolicy: 'cache-and-network', context });
  return {
    cannedReplies: computed<CannedReply[]>(() => query.data.value?.cannedReplies ?? []),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/**
 * The canned replies usable in a ticket of `departmentId` (global ones and the department's)
 * matching `search` in title, category or text, asked for 150 ms after the text last changed.
 * While a new search runs the previous answer stays, so the list does not flicker. Paused while
 * `enabled` is false.
 */
export function useCannedReplySearch(departmentId: MaybeRefOrGetter<string>, search: MaybeRefOrGetter<string>, enabled: MaybeRefOrGetter<boolean>) {
  const term = ref(toValue(search).trim());
  const update = debounce(() => {
    term.value = toValue(search).trim();
  }, SEARCH_DELAY_MS);
  watch(() => toValue(search), update.run);
  onScopeDispose(update.cancel);

  const query = useQuery({
    query: cannedRepliesQuery,
    variables: computed(() => ({ filter: { departmentId: toValue(departmentId), search: term.value === '' ? null : term.value } })),
    pause: computed(() => !toValue(enabled)),
    requestPolicy: 'cache-and-network',
    context,
  });
  const shown = shallowRef<CannedReply[]>([]);
  const answered = ref(false);
  watch(
    () => query.data.value?.cannedReplies,
    (list) => {
      if (!list) return;
      shown.value = list;
      answered.value = true;
    },
    { immediate: true },
  );

  return {
    cannedReplies: shown,
    /** Nothing has been answered yet. */
    loading: computed(() => !answered.value && !query.error.value),
    /** The typed text has not been answered yet. */
    searching: computed(() => query.fetching.value || term.value !== toValue(search).trim()),
    error: query.error,
  };
}

/** Fills a canned reply's placeholders for a ticket; resolves with the text. */
export function useCannedReplyRender() {
  const { client } = useClientHandle();
  return {
    render: async (id: string, ticketId: string) =>
      toOutcome(await client.query(cannedReplyRenderQuery, { id, ticketId }, { requestPolicy: 'network-only' }).toPromise()),
  };
}
