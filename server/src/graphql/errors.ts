import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../infra/logger.js';

/** Every error code a client can see in `extensions.code`. */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure of a business rule; its message is safe to show to the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, for forms to show the message next to it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} not found.`);
export const forbidden = (message = 'You may not do this.') => new DomainError(ErrorCode.Forbidden, message);
export const fieldError = (field: string, message: string) => new DomainError(ErrorCode.BadUserInput, message, field);

/** Codes graphql-js and Apollo attach to errors of the request itself (parse, validation, limits). */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The one mapping from thrown errors to what clients see: domain errors keep their message and code;
 * request errors (syntax, validation, limits) keep theirs; anything else is logged and answered as an
 * internal error without details.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, production: boolean): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: production ? stripSuggestions(formatted.message) : formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code } };
  }
  if (error instanceof GraphQLError && error.originalError === undefined && !error.path) {
    // Validation errors that reach here without an Apollo code (e.g. over the WebSocket path).
    return { message: production ? stripSuggestions(formatted.message) : formatted.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
  return { message: 'Internal server error.', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.Internal } };
}

/** Removes graphql-js's "Did you mean ...?" hints, which would reveal schema names in production. */
export function stripSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*\?$/s, '');
}
