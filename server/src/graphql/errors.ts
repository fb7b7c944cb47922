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

const DOMAIN_ERROR = Symbol.for('tresen.DomainError');

/** An expected failure of a business rule; its message is safe to show to the caller. */
export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;

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

/**
 * Recognises domain errors by a registered symbol rather than `instanceof`, which fails when a module
 * is loaded twice (test runners, duplicated installs).
 */
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[DOMAIN_ERROR] === true;
}

export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} not found.`);
export const forbidden = (message = 'You may not do this.') => new DomainError(ErrorCode.Forbidden, message);
export const fieldError = (field: string, message: string) => new DomainError(ErrorCode.BadUserInput, message, field);

/**
 * Codes of errors about the request itself, whose messages are safe: parse, validation and limit
 * errors from graphql-js and Apollo, and UNAUTHENTICATED from our context function (bad token).
 */
const REQUEST_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one mapping from thrown errors to what clients see: domain errors keep their message and code;
 * request errors (syntax, validation, limits) keep theirs; anything else is logged and answered as an
 * internal error without details.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, production: boolean): GraphQLFormattedError {
  const original = unwrap(error);
  if (isDomainError(original)) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return {
      message: production ? stripSuggestions(formatted.message) : formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code },
    };
  }
  if (original === error && isGraphQLErrorLike(error) && !error.path) {
    // Validation errors that reach here without an Apollo code (e.g. over the WebSocket path).
    return { message: production ? stripSuggestions(formatted.message) : formatted.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
  return { message: 'Internal server error.', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.Internal } };
}

/** The error a resolver threw, below any GraphQLError wrappers (by shape: graphql may be loaded twice). */
function unwrap(error: unknown): unknown {
  let current = error;
  while (isGraphQLErrorLike(current) && current.originalError) current = current.originalError;
  return current;
}

function isGraphQLErrorLike(error: unknown): error is Pick<GraphQLError, 'originalError' | 'path'> {
  return error instanceof GraphQLError || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'GraphQLError');
}

/** Removes graphql-js's "Did you mean ...?" hints, which would reveal schema names in production. */
export function stripSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*\?$/s, '');
}
