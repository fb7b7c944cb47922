import { describe, expect, it } from 'vitest';
import { FormTokens, MIN_FILL_MS } from '../widget-form-token.js';
import { isPlainAddress } from '../widget-request.service.js';
import { EMPTY_TEXTS, mergeTexts, parseWidgetKey, validateColor, validateOrigin, widgetKey } from '../widget.rules.js';

describe('widget rules', () => {
  it('normalizes origins as browsers send them and refuses anything with a path, wildcard or other scheme', () => {
    expect(validateOrigin('https://WWW.Example.com/')).toBe('https://www.example.com');
    expect(validateOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    for (const bad of [
      'https://a.example/shop',
      'https://*.example',
      'ftp://a.example',
      'a.example',
      'https://a.example?x',
      'https://u:p@a.example',
      'javascript:alert(1)',
    ])
      expect(() => validateOrigin(bad), bad).toThrow(/not an origin/);
  });

  it('accepts #rgb and #rrggbb colours only', () => {
    expect(validateColor('#ABC', 'c')).toBe('#aabbcc');
    expect(validateColor(' #1f6FEB ', 'c')).toBe('#1f6feb');
    for (const bad of ['red', '#12345', '#1234567', 'rgb(0,0,0)', '#ggg']) expect(() => validateColor(bad, 'c'), bad).toThrow();
  });

  it('merges texts per language and refuses over-long or multi-line titles', () => {
    const texts = mergeTexts(EMPTY_TEXTS, [{ language: 'de', title: ' Kontakt ' }]);
    expect(texts.de).toEqual({ title: 'Kontakt', intro: '', thanks: '' });
    expect(mergeTexts(texts, [{ language: 'en', intro: 'Hi' }]).de.title).toBe('Kontakt');
    expect(() => mergeTexts(EMPTY_TEXTS, [{ language: 'en', title: 'a\nb' }])).toThrow();
    expect(() => mergeTexts(EMPTY_TEXTS, [{ language: 'en', thanks: 'x'.repeat(501) }])).toThrow();
  });

  it('packs tenant and widget into the public key and back', () => {
    const tenantId = '0b7e2a8c-1d2e-4f3a-9b8c-7d6e5f4a3b2c';
    const widgetId = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
    expect(parseWidgetKey(widgetKey(tenantId, widgetId))).toEqual({ tenantId, widgetId });
    expect(parseWidgetKey('x'.repeat(64))).toBeNull();
    expect(parseWidgetKey(widgetKey(tenantId, widgetId).slice(1))).toBeNull();
  });

  it('checks plain e-mail addresses', () => {
    expect(isPlainAddress('erika.mustermann+web@kunde.example')).toBe(true);
    for (const bad of ['erika', 'a@b', 'a b@c.example', 'a@b.example\r\nbcc: x@y.example', '"a"@b.example', 'a..b@c.example'])
      expect(isPlainAddress(bad), bad).toBe(false);
  });
});

describe('form tokens', () => {
  const tokens = new FormTokens('a-secret-of-at-least-thirty-two-characters');
  it('are valid after the minimum fill time, for the widget they were issued for only', () => {
    const issued = 1_800_000_000_000;
    const token = tokens.issue('key-a', issued);
    expect(tokens.check('key-a', token, issued + 100)).toBe('too-fast');
    expect(tokens.check('key-a', token, issued + MIN_FILL_MS)).toBe('ok');
    expect(tokens.check('key-b', token, issued + MIN_FILL_MS)).toBe('invalid');
    expect(tokens.check('key-a', token, issued + 25 * 3600_000)).toBe('expired');
    expect(tokens.check('key-a', `${issued - 10_000}.${token.split('.')[1]}`, issued + MIN_FILL_MS)).toBe('invalid');
    expect(new FormTokens('another-secret-of-at-least-thirty-two-chars').check('key-a', token, issued + MIN_FILL_MS)).toBe('invalid');
  });
});
