import { useMutation, useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, onMounted, watch } from 'vue';
import type { TimerFieldsFragment } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { timerStartMutation, timerStopMutation } from '../graphql/mutations';
import { timersQuery } from '../graphql/queries';
import { learnServerClock } from './serverClock';

export type Timer = TimerFieldsFragment;

/**
 * How often the running timer is asked for again. A start or stop in this tab refreshes it at
 * once; this, and coming back to the window, catch the ones made in another tab or device.
 */
export const TIMERS_REFRESH_MS = 15_000;

/** Known even while no timer runs, so the first start invalidates the cached empty answer. */
const queryContext = { additionalTypenames: ['Timer'] };
/** A stop returns the recorded entry: both the running timer and time lists are stale after it. */
const mutationContext = { additionalTypenames: ['Timer', 'TimeEntry'] };

/**
 * The viewer's running timer (at most one) and the actions on it. Always answered by the server
 * (never from the cache), so each answer also sets the page's server clock. Several components may
 * use it at once; they share the query. With `poll` (default false) it is also asked for again
 * every {@link TIMERS_REFRESH_MS} and when the window comes back, which one component of the page
 * (the header) is enough to do.
 */
export function useMyTimer(options: { poll?: boolean } = {}) {
  const query = useQuery({ query: timersQuery, requestPolicy: 'network-only', context: queryContext });
  const start = useMutation(timerStartMutation);
  const stop = useMutation(timerStopMutation);

  function refetch(): void {
    query.executeQuery({ requestPolicy: 'network-only' });
  }

  watch(query.data, (data) => {
    const timer = data?.timers[0];
    if (timer) learnServerClock(timer);
  });

  let interval: ReturnType<typeof setInterval> | undefined;
  function onVisible(): void {
    if (document.visibilityState === 'visible') refetch();
  }
  onMounted(() => {
    if (!options.poll) return;
    interval = setInterval(refetch, TIMERS_REFRESH_MS);
    window.addEventListener('focus', refetch);
    document.addEventListener('visibilitychange', onVisible);
  });
  onBeforeUnmount(() => {
    clearInterval(interval);
    window.removeEventListener('focus', refetch);
    document.removeEventListener('visibilitychange', onVisible);
  });

  return {
    timer: computed<Timer | null>(() => query.data.value?.timers[0] ?? null),
    busy: computed(() => start.fetching.value || stop.fetching.value),
    refetch,
    /** Starts the viewer's timer on a ticket; a timer running on another ticket is stopped and recorded first. */
    start: async (ticketId: string) => toOutcome(await start.executeMutation({ ticketId }, mutationContext)),
    /** Stops the viewer's timer on a ticket; the elapsed time, rounded to the minute (at least 1), becomes an entry. */
    stop: async (ticketId: string) => toOutcome(await stop.executeMutation({ ticketId }, mutationContext)),
  };
}
