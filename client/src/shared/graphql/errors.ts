import type { CombinedError } from '@urql/core';

/** Error codes the API puts into `extensions.code`, plus two the client detects itself. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  /** The server could not be reached or answered with something that is not GraphQL. */
  'NETWORK',
  /** A code this client does not know yet. */
  'UNKNOWN',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the UI needs to know about a failed operation. */
export interface AppError {
  code: ErrorCode;
  /** The input field the error belongs to (`extensions.field`), if the server named one. */
  field: string | null;
  /** The server's own message; shown only next to a field, banners use translated texts. */
  message: string;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Reduces an urql error to the first GraphQL error's code and field, or NETWORK. */
export function toAppError(error: CombinedError): AppError {
  const first = error.graphQLErrors[0];
  if (!first) return { code: error.networkError ? 'NETWORK' : 'UNKNOWN', field: null, message: error.message };
  const { code, field } = first.extensions;
  return {
    code: isErrorCode(code) ? code : 'UNKNOWN',
    field: typeof field === 'string' && field !== '' ? field : null,
    message: first.message,
  };
}
