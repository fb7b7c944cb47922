import { describe, expect, it } from 'vitest';
import { dayToIso, isoToLocalInput, localInputToIso } from './dates';

describe('datetime-local conversion', () => {
  it('round-trips an instant to the minute', () => {
    const iso = new Date(2026, 10, 24, 9, 5).toISOString();
    expect(isoToLocalInput(iso)).toBe('2026-11-24T09:05');
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
  });

  it('treats empty and invalid values as none', () => {
    expect(isoToLocalInput(null)).toBe('');
    expect(isoToLocalInput('nonsense')).toBe('');
    expect(localInputToIso('')).toBeNull();
  });
});

describe('dayToIso', () => {
  it('covers the whole day from start to end', () => {
    expect(dayToIso('2026-11-24', 'start')).toBe(new Date(2026, 10, 24).toISOString());
    expect(dayToIso('2026-11-24', 'end')).toBe(new Date(2026, 10, 24, 23, 59, 59, 999).toISOString());
  });

  it('ignores what is not a day', () => {
    expect(dayToIso('', 'start')).toBeNull();
    expect(dayToIso('24.11.2026', 'end')).toBeNull();
  });
});
