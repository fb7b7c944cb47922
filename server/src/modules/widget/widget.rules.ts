import { fieldError } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import { WIDGET_LANGUAGES, type WidgetLanguage, type WidgetTexts } from './widget.entity.js';

export const WIDGET_NAME_MAX = 100;
export const WIDGET_ORIGINS_MAX = 20;
export const WIDGET_TEXT_MAX = { title: 80, intro: 500, thanks: 500 } as const;
export const DEFAULT_COLORS = { primaryColor: '#1f6feb', primaryTextColor: '#ffffff' } as const;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Trims a widget name and rejects empty, over-long or control-character names. */
export function validateWidgetName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw fieldError('name', 'The name must not be empty.');
  if (name.length > WIDGET_NAME_MAX) throw fieldError('name', `The name must be at most ${WIDGET_NAME_MAX} characters long.`);
  if (CONTROL.test(name)) throw fieldError('name', 'The name must not contain control characters.');
  return name;
}

/** `#rgb` or `#rrggbb` (any case) → `#rrggbb` lower-case; anything else is a field error. */
export function validateColor(raw: string, field: string): string {
  const value = raw.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(value)) return value;
  throw fieldError(field, `"${raw.slice(0, 20)}" is not a colour; write it as #rrggbb, e.g. #1f6feb.`);
}

/**
 * One allowed origin: http or https, a host, an optional port and nothing else (no path, query,
 * fragment, user or wildcard). Answers the normalized form the browser sends in `Origin`.
 */
export function validateOrigin(raw: string): string {
  const value = raw.trim();
  const fail = () => fieldError('allowedOrigins', `"${value.slice(0, 100)}" is not an origin; write it as https://www.example.com (no path).`);
  if (value.length === 0 || value.length > 200 || value.includes('*')) throw fail();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail();
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail();
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) throw fail();
  if (value.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) throw fail();
  return url.origin;
}

/** Validates and de-duplicates a list of origins (at most WIDGET_ORIGINS_MAX). */
export function validateOrigins(raw: readonly string[]): string[] {
  const origins = [...new Set(raw.filter((value) => value.trim() !== '').map(validateOrigin))];
  if (origins.length > WIDGET_ORIGINS_MAX) throw fieldError('allowedOrigins', `At most ${WIDGET_ORIGINS_MAX} origins.`);
  return origins;
}

export interface WidgetTextsInput {
  language: WidgetLanguage;
  title?: string | null | undefined;
  intro?: string | null | undefined;
  thanks?: string | null | undefined;
}

export const EMPTY_TEXTS: Record<WidgetLanguage, WidgetTexts> = {
  de: { title: '', intro: '', thanks: '' },
  en: { title: '', intro: '', thanks: '' },
};

/** Merges text changes per language into the current texts, checking lengths and control characters. */
export function mergeTexts(current: Record<WidgetLanguage, WidgetTexts>, changes: readonly WidgetTextsInput[]): Record<WidgetLanguage, WidgetTexts> {
  const next: Record<WidgetLanguage, WidgetTexts> = { de: { ...EMPTY_TEXTS.de, ...current.de }, en: { ...EMPTY_TEXTS.en, ...current.en } };
  for (const change of changes) {
    if (!WIDGET_LANGUAGES.includes(change.language)) throw fieldError('texts', 'Unknown language.');
    for (const key of ['title', 'intro', 'thanks'] as const) {
      const value = change[key];
      if (value === undefined || value === null) continue;
      const text = value.trim();
      if (text.length > WIDGET_TEXT_MAX[key]) throw fieldError('texts', `The ${key} must be at most ${WIDGET_TEXT_MAX[key]} characters long.`);
      if (CONTROL.test(text) || (key === 'title' && /[\r\n]/.test(text))) throw fieldError('texts', `The ${key} must not contain control characters.`);
      next[change.language][key] = text;
    }
  }
  return next;
}

/**
 * The public key of a widget, as written into the embed snippet: tenant id and widget id (both
 * without dashes, 64 hex digits), so the lookup leads with tenant_id like every other key.
 */
export function widgetKey(tenantId: string, widgetId: string): string {
  return `${tenantId.replaceAll('-', '')}${widgetId.replaceAll('-', '')}`;
}

/** The tenant and widget a public key names; null when it is malformed. */
export function parseWidgetKey(key: string): { tenantId: string; widgetId: string } | null {
  if (!/^[0-9a-f]{64}$/.test(key)) return null;
  const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const tenantId = uuid(key.slice(0, 32));
  const widgetId = uuid(key.slice(32));
  return isUuid(tenantId) && isUuid(widgetId) ? { tenantId, widgetId } : null;
}
