import { useLocale } from '@/shared/i18n';

/** Dates and money in the current UI language, through Intl. */
export function useFormat() {
  const locale = useLocale();

  function dateTime(iso: string | null | undefined): string {
    if (!iso) return '';
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  /** Formats an amount in cents, e.g. 8550 -> "85,50 €" (de) or "€85.50" (en). */
  function money(cents: number, currency = 'EUR'): string {
    return new Intl.NumberFormat(locale.value, { style: 'currency', currency }).format(cents / 100);
  }

  return { dateTime, money };
}
