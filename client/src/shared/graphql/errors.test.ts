import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { toAppError } from './errors';

describe('toAppError', () => {
  it('keeps the code and the field the server named', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('The name must not be empty.', { extensions: { code: 'BAD_USER_INPUT', field: 'name' } })],
    });
    expect(toAppError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'name',
      message: 'The name must not be empty.',
    });
  });

  it('reports an unreachable server as NETWORK', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(toAppError(error).code).toBe('NETWORK');
  });

  it('maps codes this client does not know to UNKNOWN and ignores a field that is not a name', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('?', { extensions: { code: 'TEAPOT', field: 42 } })],
    });
    expect(toAppError(error)).toMatchObject({ code: 'UNKNOWN', field: null });
  });
});
