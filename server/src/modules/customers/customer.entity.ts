import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A customer: a company or a person, with a customer number unique in the tenant. */
export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    number: p.string(),
    name: p.string(),
    isCompany: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ICustomer = InferEntity<typeof Customer>;

/** A person at a customer, reachable by e-mail; may later sign in to the portal (userId). */
export const Contact = defineEntity({
  name: 'Contact',
  tableName: 'contacts',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    customerId: p.uuid(),
    name: p.string(),
    email: p.string(),
    userId: p.uuid().nullable(),
    /** Portal right "see and answer tickets": this contact sees all tickets of their customer, not only their own. */
    seesCustomerTickets: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IContact = InferEntity<typeof Contact>;
