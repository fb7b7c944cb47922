function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO instant as the value of `<input type="datetime-local">` in the browser's time zone; '' for none. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of `<input type="datetime-local">` (browser's time zone) as an ISO instant; null for '' or nonsense. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A calendar day (`YYYY-MM-DD`, browser's time zone) as the ISO instant where it starts or, with
 * `end`, the last millisecond of it, so that a "to" date includes the whole day. Null for ''.
 */
export function dayToIso(day: string, edge: 'start' | 'end'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const instant = edge === 'start' ? new Date(year, month - 1, date) : new Date(year, month - 1, date, 23, 59, 59, 999);
  return instant.toISOString();
}
