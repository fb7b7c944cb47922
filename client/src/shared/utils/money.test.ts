import { describe, expect, it } from 'vitest';
import { centsToAmountInput, parseAmountToCents } from './money';

describe('parseAmountToCents', () => {
  it('reads whole amounts and both decimal separators', () => {
    expect(parseAmountToCents('85')).toBe(8500);
    expect(parseAmountToCents('85.5')).toBe(8550);
    expect(parseAmountToCents(' 85,05 ')).toBe(8505);
  });

  it('rejects what is not a plain non-negative amount', () => {
    for (const input of ['', 'abc', '-1', '1.234,50', '85.555', '1e3']) expect(parseAmountToCents(input)).toBeNull();
  });
});

describe('centsToAmountInput', () => {
  it('round-trips through parseAmountToCents', () => {
    expect(centsToAmountInput(8550)).toBe('85.50');
    expect(parseAmountToCents(centsToAmountInput(9999))).toBe(9999);
  });
});
