import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asStaff, type Context } from '../../graphql/context.js';
import { STAFF_READ } from '../auth/viewer.js';
import { TICKET_WRITE } from '../tickets/ticket.resolver.js';
import { CustomerCreateInput, CustomerUpdateInput } from './customer.inputs.js';
import { ContactGql, CustomerGql, toContactGql, toCustomerGql } from './customer.types.js';

@Resolver(() => CustomerGql)
export class CustomerResolver {
  @Authorized(...STAFF_READ)
  @Query(() => [CustomerGql], { description: 'Customers whose name, number, contact name or contact e-mail contains the search; by name.' })
  async customers(
    @Arg('search', () => String, { nullable: true, description: 'Part of a name, number or e-mail address.' }) search: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1 to 100.' }) first: number,
    @Ctx() { viewer, services }: Context,
  ): Promise<CustomerGql[]> {
    return (await services.customers.search(asStaff(viewer).tenantId, search, first)).map(toCustomerGql);
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => CustomerGql, { description: 'Create a customer, optionally with contacts.' })
  async customerCreate(
    @Arg('input', () => CustomerCreateInput, { description: 'The new customer.' }) input: CustomerCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<CustomerGql> {
    return toCustomerGql(await services.customers.create(asStaff(viewer).tenantId, input));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => CustomerGql, { description: 'Change a customer or add contacts.' })
  async customerUpdate(
    @Arg('input', () => CustomerUpdateInput, { description: 'What to change.' }) input: CustomerUpdateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<CustomerGql> {
    return toCustomerGql(await services.customers.update(asStaff(viewer).tenantId, input));
  }

  @FieldResolver(() => [ContactGql], { description: 'Contacts, by name.' })
  async contacts(@Root() customer: CustomerGql, @Ctx() { loaders }: Context): Promise<ContactGql[]> {
    return (await loaders.contactsOfCustomer.load(customer.id)).map(toContactGql);
  }
}
