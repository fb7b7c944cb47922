/**
 * Money is counted in whole cents. The amount of a line is its minutes times the hourly rate,
 * divided by 60, rounded half up to the cent, computed from the minutes (never from rounded hours);
 * a quote's total is the sum of its lines.
 */
export function amountCents(minutes: number, rateCents: number): number {
  if (!Number.isInteger(minutes) || !Number.isInteger(rateCents) || minutes < 0 || rateCents < 0)
    throw new RangeError('minutes and rate must be whole, non-negative numbers');
  return Math.floor((minutes * rateCents * 2 + 60) / 120);
}

/** Hours for display: minutes / 60 with two decimals, rounded half up. */
export function hours(minutes: number): string {
  const hundredths = Math.floor((minutes * 100 * 2 + 60) / 120);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A CSV cell: quoted, and text that a spreadsheet would run as a formula (= + - @, tab, CR) neutralized with a leading quote. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
