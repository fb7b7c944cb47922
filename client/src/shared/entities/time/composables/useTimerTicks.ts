import { useSubscription } from '@urql/vue';
import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue';
import type { TimerTickKind } from '@/shared/graphql/generated/graphql';
import { timerTickSubscription } from '../graphql/subscriptions';
import { learnServerClock } from './serverClock';

/** One timer running on the ticket, as its latest tick told. */
export interface TickingTimer {
  userId: string;
  userName: string;
  startedAt: string;
  elapsedSeconds: number;
  /** Local time of the latest tick. */
  seenAt: number;
}

/**
 * A timer whose ticks stop arriving for this long (lost connection, a STOPPED that went missing)
 * is no longer shown as running; the subscription sends STARTED again once it reconnects.
 */
const STALE_MS = 5_000;

/**
 * The timers running on ticket `ticketId`, from the `timerTick` subscription: STARTED and STOPPED
 * as they happen and a TICK per timer once a second, each with the seconds the server counted.
 * `onChange` hears every STARTED and STOPPED (someone's timer began or ended here).
 */
export function useTimerTicks(ticketId: string, onChange?: (kind: TimerTickKind, userId: string) => void) {
  const timers = shallowRef<ReadonlyMap<string, TickingTimer>>(new Map());
  const now = shallowRef(Date.now());

  useSubscription({ query: timerTickSubscription, variables: { ticketId } }, (_previous, event) => {
    const tick = event.timerTick;
    const next = new Map(timers.value);
    if (tick.kind === 'STOPPED') {
      next.delete(tick.userId);
    } else {
      next.set(tick.userId, {
        userId: tick.userId,
        userName: tick.userName,
        startedAt: tick.startedAt,
        elapsedSeconds: tick.elapsedSeconds,
        seenAt: Date.now(),
      });
      learnServerClock(tick);
    }
    timers.value = next;
    now.value = Date.now();
    if (tick.kind !== 'TICK') onChange?.(tick.kind, tick.userId);
    return event;
  });

  // Ticks keep `now` fresh while they come; this only notices when they stop.
  let sweep: ReturnType<typeof setInterval> | undefined;
  onMounted(() => (sweep = setInterval(() => (now.value = Date.now()), STALE_MS / 2)));
  onBeforeUnmount(() => clearInterval(sweep));

  return {
    /** Running timers with fresh ticks, longest running first. */
    running: computed<TickingTimer[]>(() =>
      [...timers.value.values()].filter((timer) => now.value - timer.seenAt < STALE_MS).sort((a, b) => b.elapsedSeconds - a.elapsedSeconds),
    ),
    /** Forgets a timer at once (after stopping it here), before its STOPPED arrives. */
    forget(userId: string): void {
      const next = new Map(timers.value);
      next.delete(userId);
      timers.value = next;
    },
  };
}
