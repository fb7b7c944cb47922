import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Minutes a staff member spent on a ticket on a day; priced later by the user group they were in. */
export const TimeEntry = defineEntity({
  name: 'TimeEntry',
  tableName: 'time_entries',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    ticketId: p.uuid(),
    userId: p.uuid(),
    /** The user's billing group when the entry was made (their highest-rate group); null when in none. */
    userGroupId: p.uuid().nullable(),
    minutes: p.integer(),
    /** YYYY-MM-DD. */
    workDate: p.string().columnType('date'),
    note: p.text().default(''),
    /** Set once billed: the quote it is on. Billed entries no longer change. */
    quoteId: p.uuid().nullable(),
    billedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type ITimeEntry = InferEntity<typeof TimeEntry>;

export const QuoteStatus = { Draft: 'draft', Sent: 'sent', Accepted: 'accepted', Rejected: 'rejected' } as const;
export type QuoteStatus = (typeof QuoteStatus)[keyof typeof QuoteStatus];

/** A quote (Angebot) for one customer, made from unbilled time. */
export const Quote = defineEntity({
  name: 'Quote',
  tableName: 'quotes',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    number: p.integer(),
    customerId: p.uuid().nullable(),
    customerName: p.string(),
    status: p.string().$type<QuoteStatus>().default('draft'),
    currency: p.string().default('EUR'),
    totalCents: p.bigint('number'),
    createdById: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type IQuote = InferEntity<typeof Quote>;

/** One line of a quote: the time of one ticket and one user group. */
export const QuoteLine = defineEntity({
  name: 'QuoteLine',
  tableName: 'quote_lines',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    quoteId: p.uuid(),
    position: p.integer(),
    ticketId: p.uuid().nullable(),
    ticketNumber: p.integer(),
    ticketSubject: p.string(),
    userGroupId: p.uuid().nullable(),
    groupName: p.string(),
    minutes: p.integer(),
    rateCents: p.integer(),
    amountCents: p.bigint('number'),
  },
});
export type IQuoteLine = InferEntity<typeof QuoteLine>;
