import { onBeforeUnmount, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { elapsedAt, msToNextSecond } from '../elapsed';
import { serverClockOffset } from './serverClock';

/**
 * Whole seconds since `startedAt` (null: no timer, 0), counted on the server's clock and updated
 * exactly when the next second begins, so it turns together with the server's ticks. No timer runs
 * while `startedAt` is null.
 */
export function useRunningClock(startedAt: MaybeRefOrGetter<string | null>) {
  const seconds = shallowRef(0);
  let timeout: ReturnType<typeof setTimeout> | undefined;

  function update(): void {
    clearTimeout(timeout);
    const start = toValue(startedAt);
    if (!start) {
      seconds.value = 0;
      return;
    }
    const now = Date.now();
    seconds.value = elapsedAt(start, now, serverClockOffset.value);
    timeout = setTimeout(update, msToNextSecond(start, now, serverClockOffset.value));
  }

  watch([() => toValue(startedAt), serverClockOffset], update, { immediate: true });
  onBeforeUnmount(() => clearTimeout(timeout));
  return seconds;
}
