import { describe, expect, it } from 'vitest';
import { validateDepartmentName } from '../department.rules.js';

describe('validateDepartmentName', () => {
  it('trims and collapses whitespace', () => {
    expect(validateDepartmentName('  First   Level  ')).toBe('First Level');
  });
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['101 characters', 'x'.repeat(101)],
    ['a control character', 'Tab\u0000Name'],
  ])('rejects a %s name with a field error', (_label, name) => {
    expect(() => validateDepartmentName(name)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'name' }));
  });
  it('accepts exactly 100 characters and umlauts', () => {
    expect(validateDepartmentName('Ä'.repeat(100))).toHaveLength(100);
  });
});
