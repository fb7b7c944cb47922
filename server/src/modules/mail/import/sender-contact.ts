import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { insertRows, sql } from '../../../infra/sql.js';
import { pgArray } from '../../tickets/ticket.filter.js';

/** A sender's contact. The ids of a contact made by this import are settled by `SenderContacts.write`. */
export interface SenderContact {
  contactId: string;
  customerId: string;
  customerName: string;
}

const NAME_MAX = 200;

/**
 * The contacts of an import's senders (matched case-insensitively; addresses are stored lower-case):
 * the existing ones, read in one statement, and new person customers with a contact for the rest,
 * written together by `write`. Safe when another transaction meets the same new sender at once: the
 * unique (tenant, e-mail) key decides, and the loser uses the winner's contact.
 */
export class SenderContacts {
  private readonly byEmail = new Map<string, SenderContact>();
  private readonly created: { email: string; contact: SenderContact }[] = [];

  private constructor(private readonly tenantId: string) {}

  static async load(em: EntityManager, tenantId: string, emails: readonly string[]): Promise<SenderContacts> {
    const contacts = new SenderContacts(tenantId);
    const wanted = [...new Set(emails.map(normalize))];
    if (wanted.length > 0) for (const [email, contact] of await findContacts(em, tenantId, wanted)) contacts.byEmail.set(email, contact);
    return contacts;
  }

  /** The sender's contact; a new one (written later by `write`) when there is none. */
  ensure(email: string, displayName: string): SenderContact {
    const address = normalize(email);
    const known = this.byEmail.get(address);
    if (known) return known;
    const contact = {
      contactId: randomUUID(),
      customerId: randomUUID(),
      customerName: (displayName.replace(/\s+/g, ' ').trim() || address).slice(0, NAME_MAX),
    };
    this.byEmail.set(address, contact);
    this.created.push({ email: address, contact });
    return contact;
  }

  /** Writes the new customers and contacts; a contact another transaction made first replaces ours (in place). */
  async write(em: EntityManager): Promise<void> {
    if (this.created.length === 0) return;
    const [counter] = await sql<{ n: number }>(
      em,
      `insert into tenant_counters (tenant_id, last_customer_number) values (?, ?)
       on conflict (tenant_id) do update set last_customer_number = tenant_counters.last_customer_number + excluded.last_customer_number
       returning last_customer_number as n`,
      [this.tenantId, this.created.length],
    );
    const first = counter!.n - this.created.length + 1;
    await insertRows(
      em,
      'customers',
      ['id', 'tenant_id', 'number', 'name', 'is_company', 'created_at', 'updated_at'],
      this.created.map(({ contact }, i) => [
        contact.customerId,
        this.tenantId,
        `K-${String(first + i).padStart(6, '0')}`,
        contact.customerName,
        false,
        new Date(),
        new Date(),
      ]),
    );
    const inserted = await insertRows<{ email: string }>(
      em,
      'contacts',
      ['id', 'tenant_id', 'customer_id', 'name', 'email', 'created_at'],
      this.created.map(({ email, contact }) => [contact.contactId, this.tenantId, contact.customerId, contact.customerName, email, new Date()]),
      'on conflict (tenant_id, email) do nothing returning email',
    );
    const ours = new Set(inserted.map((row) => row.email));
    const lost = this.created.filter(({ email }) => !ours.has(email));
    this.created.length = 0;
    if (lost.length === 0) return;
    await sql(em, 'delete from customers where tenant_id = ? and id = any(?::uuid[])', [this.tenantId, pgArray(lost.map(({ contact }) => contact.customerId))]);
    const winners = await findContacts(
      em,
      this.tenantId,
      lost.map(({ email }) => email),
    );
    for (const { email, contact } of lost) Object.assign(contact, winners.get(email));
  }
}

function normalize(email: string): string {
  return email.trim().toLowerCase();
}

async function findContacts(em: EntityManager, tenantId: string, emails: readonly string[]): Promise<Map<string, SenderContact>> {
  const rows = await sql<{ id: string; customer_id: string; name: string; email: string }>(
    em,
    'select k.id, k.customer_id, c.name, k.email from contacts k join customers c on c.id = k.customer_id where k.tenant_id = ? and k.email = any(?::text[])',
    [tenantId, pgArray(emails)],
  );
  return new Map(rows.map((row) => [row.email, { contactId: row.id, customerId: row.customer_id, customerName: row.name }]));
}
