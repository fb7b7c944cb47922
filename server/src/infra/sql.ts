import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Runs SQL on the EntityManager's connection, inside its transaction when it has one. `?` marks a
 * parameter; parameters are bound (sent apart from the statement), not written into its text as
 * MikroORM's `execute` does: a mail's raw bytes travel as bytes, not as a hex literal that
 * PostgreSQL must parse again. Arrays go in as PostgreSQL array literals (`pgArray`) with a cast.
 */
export async function sql<R = unknown>(em: EntityManager, query: string, params: readonly unknown[] = []): Promise<R[]> {
  const client = (em.getTransactionContext() ?? em.getConnection().getClient()) as Kysely<unknown>;
  const result = await client.executeQuery(CompiledQuery.raw(numberedParameters(query, params.length), [...params]));
  return result.rows as R[];
}

/** `?` → `$1`, `$2`, … outside quoted literals and identifiers; the count must match. */
export function numberedParameters(query: string, expected: number): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '?') {
      out += `$${++n}`;
      continue;
    }
    out += char;
  }
  if (n !== expected) throw new Error(`The statement has ${n} parameter marks for ${expected} parameters: ${query.slice(0, 200)}`);
  return out;
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

/** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
const PARAMS_PER_STATEMENT = 30_000;

/**
 * Inserts rows with multi-row VALUES, in as few statements as the parameter limit allows (inside the
 * EntityManager's transaction when it has one). `columns` may carry a cast (`to_addresses::text[]`);
 * `suffix` goes after the values (`on conflict ... do nothing returning ...`). Returns what the
 * statements returned.
 */
export async function insertRows<R = unknown>(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  suffix = '',
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = columns.map((column) => column.split('::')[0]).join(', ');
  const placeholder = `(${columns.map((column) => (column.includes('::') ? `?::${column.split('::')[1]}` : '?')).join(', ')})`;
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns.length));
  const returned: R[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    for (const row of slice)
      if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns.`);
    const query = `insert into ${table} (${names}) values ${slice.map(() => placeholder).join(', ')} ${suffix}`;
    returned.push(...(await sql<R>(em, query, slice.flat())));
  }
  return returned;
}
