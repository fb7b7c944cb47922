import { describe, expect, it } from 'vitest';
import { amountCents, csvCell, hours } from '../money.js';
import { today } from '../time.service.js';

describe('money', () => {
  it.each([
    [60, 9500, 9500],
    [20, 12000, 4000],
    [1, 9500, 158], // 158.33 → 158
    [7, 9500, 1108], // 1108.33 → 1108
    [3, 9950, 498], // 497.5 → 498 (half up)
    [1, 30, 1], // 0.5 → 1
    [1, 29, 0], // 0.483 → 0
    [1440, 1_000_000, 24_000_000],
    [0, 9500, 0],
  ])('%i min at %i ct/h = %i ct', (minutes, rate, cents) => {
    expect(amountCents(minutes, rate)).toBe(cents);
  });

  it('refuses fractions and negatives', () => {
    expect(() => amountCents(1.5, 100)).toThrow(RangeError);
    expect(() => amountCents(-1, 100)).toThrow(RangeError);
  });

  it.each([
    [60, '1.00'],
    [20, '0.33'],
    [50, '0.83'],
    [1, '0.02'],
    [90, '1.50'],
    [0, '0.00'],
  ])('%i min = %s h', (minutes, text) => {
    expect(hours(minutes)).toBe(text);
  });

  it('neutralizes cells a spreadsheet would run as formulas and quotes every cell', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('-2')).toBe('"\'-2"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\tx')).toBe('"\'\tx"');
    expect(csvCell('Drucker')).toBe('"Drucker"');
    expect(csvCell(42)).toBe('"42"');
  });
});

describe('today', () => {
  it('is the date in the configured time zone, not in UTC', () => {
    const lateInUtc = new Date('2026-11-28T23:30:00Z');
    expect(today('Europe/Berlin', lateInUtc)).toBe('2026-11-29');
    expect(today('UTC', lateInUtc)).toBe('2026-11-28');
    expect(today('America/New_York', lateInUtc)).toBe('2026-11-28');
  });
});
