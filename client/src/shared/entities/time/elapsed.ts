/** Seconds as a running clock: 65 -> "1:05", 3725 -> "1:02:05" (hours only once there are any). */
export function formatElapsed(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * How far this browser's clock is ahead of the server's, in ms, from one reading of a timer: the
 * server said `elapsedSeconds` (whole seconds since `startedAt`) and it arrived at `receivedAt`
 * (local clock). The reading is taken as the start of that second, so a clock built on the offset
 * turns to the next second about when the server's next tick arrives.
 */
export function clockOffset(startedAt: string, elapsedSeconds: number, receivedAt: number): number {
  return receivedAt - (Date.parse(startedAt) + elapsedSeconds * 1000);
}

/** Whole seconds a timer started at `startedAt` has run at local time `now`, on the server's clock. */
export function elapsedAt(startedAt: string, now: number, offset: number): number {
  return Math.max(0, Math.floor((now - offset - Date.parse(startedAt)) / 1000));
}

/** Milliseconds from `now` until the clock of {@link elapsedAt} shows the next second (1 to 1000). */
export function msToNextSecond(startedAt: string, now: number, offset: number): number {
  const sinceStart = now - offset - Date.parse(startedAt);
  return 1000 - (((sinceStart % 1000) + 1000) % 1000);
}

/** Today in the browser's time zone as `YYYY-MM-DD`, the value of `<input type="date">`. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
