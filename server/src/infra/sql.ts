import type { EntityManager } from '@mikro-orm/postgresql';

/** Runs SQL on the EntityManager's connection, inside its transaction when it has one. */
export function sql<R = unknown>(em: EntityManager, query: string, params: readonly unknown[] = []): Promise<R[]> {
  return em.getConnection().execute<R[]>(query, [...params], 'all', em.getTransactionContext());
}

/**
 * A timestamp column read with `sql()`: the driver hands timestamptz over as text
 * ("2026-11-29 16:33:15.2977+00"), so rows typed with Date must pass through this.
 */
export function timestamp(value: Date | string): Date;
export function timestamp(value: Date | string | null): Date | null;
export function timestamp(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
