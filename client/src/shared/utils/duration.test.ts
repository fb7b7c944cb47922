import { describe, expect, it } from 'vitest';
import { formatMinutes, parseDuration } from './duration';

describe('formatMinutes', () => {
  it('shows hours and two-digit minutes', () => {
    expect(formatMinutes(90)).toBe('1:30');
    expect(formatMinutes(5)).toBe('0:05');
    expect(formatMinutes(600)).toBe('10:00');
  });
});

describe('parseDuration', () => {
  it('reads h:mm and plain minutes', () => {
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration(' 0:05 ')).toBe(5);
    expect(parseDuration('90')).toBe(90);
  });

  it('rejects what is not a duration', () => {
    for (const input of ['', '1:60', '1:5', '-5', '1.5', 'abc', '1:30h']) expect(parseDuration(input)).toBeNull();
  });

  it('round-trips through formatMinutes', () => {
    expect(parseDuration(formatMinutes(754))).toBe(754);
  });
});
