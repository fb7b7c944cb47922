import { describe, expect, it } from 'vitest';
import { neighbourNumber } from './ticketNavigation';

describe('neighbourNumber', () => {
  const numbers = [17, 12, 30];

  it('finds the next and the previous ticket of the list', () => {
    expect(neighbourNumber(numbers, 12, 1)).toBe(30);
    expect(neighbourNumber(numbers, 12, -1)).toBe(17);
  });

  it('stops at both ends and for tickets not in the list', () => {
    expect(neighbourNumber(numbers, 30, 1)).toBeNull();
    expect(neighbourNumber(numbers, 17, -1)).toBeNull();
    expect(neighbourNumber(numbers, 99, 1)).toBeNull();
  });
});
