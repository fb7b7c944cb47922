import { useSubscription } from '@urql/vue';
import { onScopeDispose, watch } from 'vue';
import { liveConnections } from '@/shared/graphql/client';
import { debounce } from '@/shared/utils/debounce';
import { ticketChangedSubscription } from '../graphql/subscriptions';

/** How long live events are collected before one refetch; a burst (bulk change, merge) costs one request. */
export const LIVE_REFRESH_DELAY_MS = 300;

/**
 * Listens to `ticketChanged` for every ticket the viewer may see. `onChange` gets each ticket id at
 * once; `refresh` runs once per burst of events, {@link LIVE_REFRESH_DELAY_MS} after the last one.
 * Identical subscriptions of several components share one WebSocket operation. Every (re)connect
 * of the live connection also runs `refresh`, since events are not replayed.
 */
export function useTicketChanges(handlers: { onChange?: (ticketId: string) => void; refresh?: () => void }): void {
  const refresh = handlers.refresh ? debounce(handlers.refresh, LIVE_REFRESH_DELAY_MS) : null;
  if (refresh) onScopeDispose(refresh.cancel);
  useSubscription({ query: ticketChangedSubscription }, (_previous, event) => {
    handlers.onChange?.(event.ticketChanged.ticketId);
    refresh?.run();
    return event;
  });
  // A list loaded before the live connection stood (or while it was down) may have missed events.
  if (refresh) watch(liveConnections, () => refresh.run());
}
