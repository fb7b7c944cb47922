/** Languages the UI ships in; the first one a browser asks for wins, English otherwise. */
export const LOCALES = ['de', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** localStorage key of the language the user picked explicitly. */
export const LOCALE_STORAGE_KEY = 'tresen.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to start with: an explicit earlier choice, else German for
 * browsers set to any German variant (de, de-AT, de-CH ...), else English.
 */
export function detectLocale(stored: string | null, browserLanguage: string | undefined): Locale {
  if (isLocale(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('de') ? 'de' : 'en';
}
