import { useLocale } from '@/shared/i18n';

/** Dates and money in the current UI language, through Intl. */
export function useFormat() {
  const locale = useLocale();

  function dateTime(iso: string | null | undefined): string {
    if (!iso) return '';
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  /** Short form for lists: only the time for today, otherwise only the date. */
  function compactDateTime(iso: string | null | undefined): string {
    if (!iso) return '';
    const date = new Date(iso);
    const today = new Date().toDateString() === date.toDateString();
    return new Intl.DateTimeFormat(locale.value, today ? { timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
  }

  /** A calendar day `YYYY-MM-DD` as the UI language writes it; '' for none. */
  function day(value: string | null | undefined): string {
    const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (!match) return value ?? '';
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }

  /** A whole number with the language's grouping: 1000 -> "1.000" (de) or "1,000" (en). */
  function count(value: number): string {
    return new Intl.NumberFormat(locale.value).format(value);
  }

  /** Formats an amount in cents, e.g. 8550 -> "85,50 €" (de) or "€85.50" (en). */
  function money(cents: number, currency = 'EUR'): string {
    return new Intl.NumberFormat(locale.value, { style: 'currency', currency }).format(cents / 100);
  }

  /** A file size in bytes, e.g. 2048 -> "2 KB". */
  function fileSize(bytes: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return new Intl.NumberFormat(locale.value, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(
      value,
    );
  }

  /** Names as one phrase: "Anna, Ben and Carla" / "Anna, Ben und Carla". */
  function list(items: readonly string[]): string {
    return new Intl.ListFormat(locale.value, { type: 'conjunction' }).format(items);
  }

  return { dateTime, compactDateTime, day, money, fileSize, list, count };
}
