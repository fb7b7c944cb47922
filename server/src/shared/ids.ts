const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from outside are checked before they reach a uuid column (PostgreSQL would reject them as an internal error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
