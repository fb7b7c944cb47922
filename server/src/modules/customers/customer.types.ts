import { Field, ID, ObjectType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import type { IContact, ICustomer } from './customer.entity.js';

@AccessRule('Contacts of customers of the viewer tenant; staff and API tokens only.')
@ObjectType('Contact', { description: 'A person at a customer.' })
export class ContactGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => String, { description: 'E-mail address, lower case, unique in the tenant.' })
  email!: string;
  @Field(() => Boolean, { description: 'Portal right "see and answer tickets": all tickets of the customer, not only their own.' })
  seesCustomerTickets!: boolean;
  @Field(() => Boolean, { description: 'The contact has a portal login (invited, or signed in by link before).' })
  hasPortalLogin!: boolean;
}

export function toContactGql(contact: IContact): ContactGql {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    seesCustomerTickets: contact.seesCustomerTickets,
    hasPortalLogin: contact.userId !== null,
  };
}

@AccessRule('Customers of the viewer tenant; staff and API tokens only.')
@ObjectType('Customer', { description: 'A customer: a company or a person.' })
export class CustomerGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => String, { description: 'Customer number, unique in the tenant (K-000001).' })
  number!: string;
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => Boolean, { description: 'A company (true) or a person.' })
  isCompany!: boolean;
}

export function toCustomerGql(customer: ICustomer): CustomerGql {
  return { id: customer.id, number: customer.number, name: customer.name, isCompany: customer.isCompany };
}
