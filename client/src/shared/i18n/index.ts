import { computed, type WritableComputedRef } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { de } from './de';
import { en, type Messages } from './en';
import { LOCALE_STORAGE_KEY, detectLocale, isLocale, type Locale } from './locale';

export { LOCALES, type Locale } from './locale';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. 'nav.departments'; for keys kept in data such as route meta. */
export type MessageKey = Leaves<Messages>;

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy mode): fall back to the browser language
  }
}

function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}

/** vue-i18n in composition mode, starting in the stored or browser language. */
export function createAppI18n() {
  const locale = detectLocale(readStoredLocale(), window.navigator.language);
  applyLocale(locale);
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { de, en },
  });
}

/** The current UI language; setting it switches the UI and remembers the choice. */
export function useLocale(): WritableComputedRef<Locale> {
  const { locale } = useI18n({ useScope: 'global' });
  return computed<Locale>({
    get: () => (isLocale(locale.value) ? locale.value : 'en'),
    set(next) {
      locale.value = next;
      applyLocale(next);
      try {
        window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // not persisted; the switch still applies to this page
      }
    },
  });
}

/**
 * vue-i18n's `t`, but only for keys that exist: vue-i18n itself accepts any
 * string, so a typo would show the raw key in the UI instead of failing the build.
 */
export function useT() {
  const { t } = useI18n();
  return {
    t: (key: MessageKey, named?: Record<string, string | number>): string => (named ? t(key, named) : t(key)),
    /**
     * A message with plural forms separated by pipes ("no tickets | one ticket | {count} tickets"),
     * picked by `count`, which is also available as the placeholder {count}.
     */
    tc: (key: MessageKey, count: number, named?: Record<string, string | number>): string => t(key, { ...named, count }, count),
  };
}
