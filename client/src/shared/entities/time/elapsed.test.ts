import { describe, expect, it } from 'vitest';
import { clockOffset, elapsedAt, formatElapsed, localToday, msToNextSecond } from './elapsed';

describe('formatElapsed', () => {
  it('shows minutes and seconds below an hour, hours once there are any', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65)).toBe('1:05');
    expect(formatElapsed(3599)).toBe('59:59');
    expect(formatElapsed(3600)).toBe('1:00:00');
    expect(formatElapsed(3725)).toBe('1:02:05');
    expect(formatElapsed(36_000 + 59)).toBe('10:00:59');
  });

  it('never shows negative or fractional seconds', () => {
    expect(formatElapsed(-3)).toBe('0:00');
    expect(formatElapsed(61.9)).toBe('1:01');
  });
});

describe('server clock', () => {
  const startedAt = '2026-03-01T10:00:00.000Z';
  const start = Date.parse(startedAt);

  it('continues from a reading on a browser clock that runs ahead of the server', () => {
    // The server said 10 s; this browser's clock is 5 minutes ahead and got it 10.2 s after the start.
    const receivedAt = start + 300_000 + 10_200;
    const offset = clockOffset(startedAt, 10, receivedAt);
    expect(elapsedAt(startedAt, receivedAt, offset)).toBe(10);
    expect(elapsedAt(startedAt, receivedAt + 999, offset)).toBe(10);
    expect(elapsedAt(startedAt, receivedAt + 1000, offset)).toBe(11);
    expect(elapsedAt(startedAt, receivedAt + 60_000, offset)).toBe(70);
  });

  it('waits exactly until the next second of that clock', () => {
    const offset = clockOffset(startedAt, 10, start + 10_000);
    expect(msToNextSecond(startedAt, start + 10_000, offset)).toBe(1000);
    expect(msToNextSecond(startedAt, start + 10_250, offset)).toBe(750);
    expect(msToNextSecond(startedAt, start + 10_999, offset)).toBe(1);
  });

  it('shows no negative time for a start just ahead of the local clock', () => {
    expect(elapsedAt(startedAt, start - 2000, 0)).toBe(0);
  });
});

describe('localToday', () => {
  it('is the local calendar day, padded', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
