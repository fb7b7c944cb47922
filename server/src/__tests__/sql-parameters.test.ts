import { describe, expect, it } from 'vitest';
import { numberedParameters } from '../infra/sql.js';

describe('numberedParameters', () => {
  it('numbers ? marks outside quoted literals and identifiers', () => {
    expect(numberedParameters('select ? as a, ?::text[] from t where x = ? and y = any(?)', 4)).toBe(
      'select $1 as a, $2::text[] from t where x = $3 and y = any($4)',
    );
    expect(numberedParameters(`select '?' as "what?", ? as b, 'it''s ?' as c`, 1)).toBe(`select '?' as "what?", $1 as b, 'it''s ?' as c`);
  });

  it('refuses a statement whose marks do not match its parameters', () => {
    expect(() => numberedParameters('select ?, ?', 1)).toThrow(/2 parameter marks for 1 parameters/);
    expect(() => numberedParameters('select 1', 1)).toThrow(/0 parameter marks for 1 parameters/);
  });
});
