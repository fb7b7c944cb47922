/**
 * Reads an amount a person typed ("85", "85.5", "85,50") into cents; null when
 * it is not a non-negative amount with at most two decimals. Thousands
 * separators are not accepted: "1.234" would be ambiguous between languages.
 */
export function parseAmountToCents(input: string): number | null {
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(input);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents as a plain amount for an input field: 8550 -> "85.50" (no grouping, no currency). */
export function centsToAmountInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
