import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Ticket numbers count up per tenant in one atomic upsert: distinct under any concurrency. Runs in
 * the EntityManager's transaction when it has one.
 */
export async function nextTicketNumber(em: EntityManager, tenantId: string): Promise<number> {
  const rows = await em.getConnection().execute<{ n: number }[]>(
    `insert into tenant_counters (tenant_id, last_ticket_number) values (?, 1)
     on conflict (tenant_id) do update set last_ticket_number = tenant_counters.last_ticket_number + 1
     returning last_ticket_number as n`,
    [tenantId],
    'all',
    em.getTransactionContext(),
  );
  return rows[0]!.n;
}
