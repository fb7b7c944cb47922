/** Minutes as hours and minutes: 90 -> "1:30", 5 -> "0:05", 600 -> "10:00". */
export function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * Reads an effort a person typed into minutes: "1:30" (hours:minutes, minutes below 60) or a plain
 * number of minutes ("90"). Null when it is neither, or negative; an empty input is also null.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim();
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  return /^\d{1,6}$/.test(text) ? Number(text) : null;
}
