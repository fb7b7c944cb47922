import { describe, expect, it } from 'vitest';
import { detectLocale } from './locale';

describe('detectLocale', () => {
  it('prefers the language the user picked before', () => {
    expect(detectLocale('en', 'de-DE')).toBe('en');
  });

  it('starts in German for every German browser variant', () => {
    expect(detectLocale(null, 'de-CH')).toBe('de');
    expect(detectLocale(null, 'de')).toBe('de');
  });

  it('falls back to English for other languages and unknown stored values', () => {
    expect(detectLocale(null, 'fr-FR')).toBe('en');
    expect(detectLocale('xx', undefined)).toBe('en');
  });
});
