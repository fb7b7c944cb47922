import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A contact person.' })
export class ContactInput {
  @Field(() => String, { description: 'Name, 1 to 200 characters.' })
  name!: string;
  @Field(() => String, { description: 'E-mail address, unique in the tenant.' })
  email!: string;
}

@InputType({ description: 'A new customer.' })
export class CustomerCreateInput {
  @Field(() => String, { description: 'Name, 1 to 200 characters.' })
  name!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'A company (true) or a person.' })
  isCompany!: boolean;
  @Field(() => [ContactInput], { nullable: true, description: 'Contacts to create with it.' })
  contacts?: ContactInput[] | null;
}

@InputType({ description: 'Changes to a customer; omitted fields stay as they are.' })
export class CustomerUpdateInput {
  @Field(() => ID, { description: 'The customer.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Company or person.' })
  isCompany?: boolean | null;
  @Field(() => [ContactInput], { nullable: true, description: 'Contacts to add.' })
  addContacts?: ContactInput[] | null;
}
