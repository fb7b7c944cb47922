import { shallowRef } from 'vue';
import { clockOffset } from '../elapsed';

/**
 * How far this browser's clock is ahead of the server's (ms), learnt from the latest timer reading
 * (a `timers` answer or a `timerTick`). Shared by every running clock of the page, so the header and
 * the ticket show the same seconds even when the computer's clock is wrong. 0 until the first reading.
 */
export const serverClockOffset = shallowRef(0);

/** Takes a timer reading that just arrived as the new offset. */
export function learnServerClock(reading: { startedAt: string; elapsedSeconds: number }): void {
  serverClockOffset.value = clockOffset(reading.startedAt, reading.elapsedSeconds, Date.now());
}
