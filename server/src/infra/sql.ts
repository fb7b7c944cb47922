import type { EntityManager } from '@mikro-orm/postgresql';

/** Runs SQL on the EntityManager's connection, inside its transaction when it has one. */
export function sql<R = unknown>(em: EntityManager, query: string, params: readonly unknown[] = []): Promise<R[]> {
  return em.getConnection().execute<R[]>(query, [...params], 'all', em.getTransactionContext());
}
