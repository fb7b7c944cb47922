import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import { requireText } from '../../shared/text.js';
import { Contact, Customer, type IContact, type ICustomer } from './customer.entity.js';

const NAME_MAX = 200;
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}$/;

export interface ContactInput {
  name: string;
  email: string;
}

/** Customers (companies or people) and their contacts, per tenant. */
export class CustomerService {
  constructor(private readonly em: EntityManager) {}

  /** Customers whose name, number or contact e-mail starts with/contains the search, by name. */
  async search(tenantId: string, search: string | null | undefined, first: number): Promise<ICustomer[]> {
    const limit = Math.min(Math.max(first, 1), 100);
    const term = (search ?? '').trim().slice(0, 200);
    if (term === '') return this.em.find(Customer, { tenantId }, { orderBy: { name: 'asc' }, limit });
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.em.getConnection().execute<{ id: string }[]>(
      `select c.id from customers c where c.tenant_id = ? and (c.name ilike ? or c.number ilike ?
         or exists (select 1 from contacts k where k.tenant_id = c.tenant_id and k.customer_id = c.id and (k.email ilike ? or k.name ilike ?)))
       order by lower(c.name) limit ?`,
      [tenantId, like, like, like, like, limit],
    );
    if (rows.length === 0) return [];
    const found = await this.em.find(Customer, { tenantId, id: { $in: rows.map((r) => r.id) } });
    const order = new Map(rows.map((r, i) => [r.id, i]));
    return found.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  async findById(tenantId: string, id: string): Promise<ICustomer | null> {
    return isUuid(id) ? this.em.findOne(Customer, { tenantId, id }) : null;
  }

  async create(tenantId: string, input: { name: string; isCompany: boolean; contacts?: readonly ContactInput[] | null }): Promise<ICustomer> {
    const name = validateName(input.name);
    const contacts = (input.contacts ?? []).map(validateContact);
    await this.assertEmailsFree(tenantId, contacts);
    const number = await this.nextNumber(tenantId);
    const customer = this.em.create(Customer, { id: randomUUID(), tenantId, number, name, isCompany: input.isCompany });
    for (const contact of contacts) this.em.create(Contact, { tenantId, customerId: customer.id, ...contact, userId: null });
    await this.em.flush();
    return customer;
  }

  async update(
    tenantId: string,
    input: { id: string; name?: string | null; isCompany?: boolean | null; addContacts?: readonly ContactInput[] | null },
  ): Promise<ICustomer> {
    const customer = await this.findById(tenantId, input.id);
    if (!customer) throw notFound('Customer');
    if (input.name !== undefined && input.name !== null) customer.name = validateName(input.name);
    if (input.isCompany !== undefined && input.isCompany !== null) customer.isCompany = input.isCompany;
    const contacts = (input.addContacts ?? []).map(validateContact);
    await this.assertEmailsFree(tenantId, contacts);
    for (const contact of contacts) this.em.create(Contact, { tenantId, customerId: customer.id, ...contact, userId: null });
    await this.em.flush();
    // Tickets keep a copy of the name for full-text search.
    await this.em
      .getConnection()
      .execute('update tickets set customer_name = ? where tenant_id = ? and customer_id = ?', [customer.name, tenantId, customer.id]);
    return customer;
  }

  async contactsOf(tenantId: string, customerIds: readonly string[]): Promise<Map<string, IContact[]>> {
    const result = new Map<string, IContact[]>(customerIds.map((id) => [id, []]));
    const contacts = await this.em.find(Contact, { tenantId, customerId: { $in: [...customerIds] } }, { orderBy: { name: 'asc' } });
    for (const contact of contacts) result.get(contact.customerId)?.push(contact);
    return result;
  }

  /** Customer numbers count up per tenant (K-000001), unique under concurrency. */
  private async nextNumber(tenantId: string): Promise<string> {
    const rows = await this.em.getConnection().execute<{ n: number }[]>(
      `insert into tenant_counters (tenant_id, last_customer_number) values (?, 1)
       on conflict (tenant_id) do update set last_customer_number = tenant_counters.last_customer_number + 1
       returning last_customer_number as n`,
      [tenantId],
    );
    return `K-${String(rows[0]!.n).padStart(6, '0')}`;
  }

  private async assertEmailsFree(tenantId: string, contacts: readonly ContactInput[]): Promise<void> {
    const emails = contacts.map((c) => c.email);
    if (new Set(emails).size !== emails.length) throw fieldError('contacts', 'The same e-mail address is given twice.');
    if (emails.length === 0) return;
    const taken = await this.em.find(Contact, { tenantId, email: { $in: emails } });
    if (taken.length > 0) throw new DomainError(ErrorCode.Conflict, `A contact with the e-mail address ${taken[0]!.email} already exists.`, 'contacts');
  }
}

const validateName = (raw: string) => requireText(raw, 'name', NAME_MAX);

function validateContact(input: ContactInput): ContactInput {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  if (name.length === 0 || name.length > NAME_MAX) throw fieldError('contacts', `A contact's name must be 1 to ${NAME_MAX} characters long.`);
  if (!EMAIL.test(email)) throw fieldError('contacts', `"${input.email.slice(0, 100)}" is not a valid e-mail address.`);
  return { name, email };
}
