import type { OperationResult } from '@urql/core';
import { toAppError, type AppError } from './errors';

/** Result of a mutation as the UI sees it: data, or one error to show. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** Turns an urql result into an {@link Outcome}; a result without data counts as UNKNOWN. */
export function toOutcome<T>(result: OperationResult<T>): Outcome<T> {
  if (result.error) return { ok: false, error: toAppError(result.error) };
  if (result.data === undefined || result.data === null) {
    return { ok: false, error: { code: 'UNKNOWN', field: null, message: '' } };
  }
  return { ok: true, data: result.data };
}
