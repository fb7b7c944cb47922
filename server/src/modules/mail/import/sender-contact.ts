import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../infra/sql.js';

export interface SenderContact {
  readonly contactId: string;
  readonly customerId: string;
  readonly customerName: string;
}

const NAME_MAX = 200;

/**
 * The contact for a sender address (matched case-insensitively; addresses are stored lower-case),
 * or a new person customer with that contact. Safe when two imports meet the same new sender at
 * once: the unique (tenant, e-mail) key decides, and the loser uses the winner's contact.
 */
export async function ensureContact(em: EntityManager, tenantId: string, email: string, displayName: string): Promise<SenderContact> {
  const address = email.trim().toLowerCase();
  const existing = await findContact(em, tenantId, address);
  if (existing) return existing;
  const name = (displayName.replace(/\s+/g, ' ').trim() || address).slice(0, NAME_MAX);
  const customerId = randomUUID();
  const contactId = randomUUID();
  const counter = await sql<{ n: number }>(
    em,
    `insert into tenant_counters (tenant_id, last_customer_number) values (?, 1)
     on conflict (tenant_id) do update set last_customer_number = tenant_counters.last_customer_number + 1
     returning last_customer_number as n`,
    [tenantId],
  );
  const number = `K-${String(counter[0]!.n).padStart(6, '0')}`;
  await sql(em, 'insert into customers (id, tenant_id, number, name, is_company, created_at, updated_at) values (?, ?, ?, ?, false, now(), now())', [
    customerId,
    tenantId,
    number,
    name,
  ]);
  const inserted = await sql<{ id: string }>(
    em,
    'insert into contacts (id, tenant_id, customer_id, name, email, created_at) values (?, ?, ?, ?, ?, now()) on conflict (tenant_id, email) do nothing returning id',
    [contactId, tenantId, customerId, name, address],
  );
  if (inserted.length === 1) return { contactId, customerId, customerName: name };
  await sql(em, 'delete from customers where tenant_id = ? and id = ?', [tenantId, customerId]);
  return (await findContact(em, tenantId, address))!;
}

async function findContact(em: EntityManager, tenantId: string, address: string): Promise<SenderContact | null> {
  const rows = await sql<{ id: string; customer_id: string; name: string }>(
    em,
    'select k.id, k.customer_id, c.name from contacts k join customers c on c.id = k.customer_id where k.tenant_id = ? and k.email = ?',
    [tenantId, address],
  );
  const row = rows[0];
  return row ? { contactId: row.id, customerId: row.customer_id, customerName: row.name } : null;
}
