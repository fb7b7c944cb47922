import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode, formatError, stripSuggestions } from '../errors.js';

const logged: unknown[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });

describe('formatError', () => {
  it('keeps a domain error message, code and field, wrapped or not', () => {
    const domain = new DomainError(ErrorCode.BadUserInput, 'The name must not be empty.', 'name');
    const wrapped = new GraphQLError(domain.message, { originalError: domain, path: ['departmentCreate'] });
    expect(formatError(wrapped.toJSON(), wrapped, logger, true)).toEqual({
      message: 'The name must not be empty.',
      path: ['departmentCreate'],
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
  });

  it('hides unexpected errors behind a generic message and logs them', () => {
    const boom = new Error('password=hunter2 at db.example:5432');
    const wrapped = new GraphQLError(boom.message, { originalError: boom, path: ['me'] });
    const formatted = formatError(wrapped.toJSON(), wrapped, logger, true);
    expect(formatted).toEqual({ message: 'Internal server error.', path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(formatted)).not.toContain('hunter2');
    expect(logged.length).toBeGreaterThan(0);
  });

  it('strips field suggestions in production', () => {
    expect(stripSuggestions('Cannot query field "departmnts" on type "Query". Did you mean "departments"?')).toBe(
      'Cannot query field "departmnts" on type "Query".',
    );
  });
});
