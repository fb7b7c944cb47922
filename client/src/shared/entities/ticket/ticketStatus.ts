import type { Locale } from '@/shared/i18n';

/** A status's name in the UI language; the server keeps one per language. */
export function statusLabel(status: { labelDe: string; labelEn: string }, locale: Locale): string {
  return locale === 'de' ? status.labelDe : status.labelEn;
}

/** Badge tone of a status category (the label carries the meaning, the tone only colours it). */
export function categoryTone(category: 'OPEN' | 'PENDING' | 'CLOSED'): 'info' | 'warning' | 'muted' {
  if (category === 'OPEN') return 'info';
  return category === 'PENDING' ? 'warning' : 'muted';
}
