import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new shared department.' })
export class DepartmentCreateInput {
  @Field(() => String, { description: 'Name, 1 to 100 characters, unique in the tenant.' })
  name!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Offer it to customers in the portal and widget.' })
  isPublic!: boolean;
}

@InputType({ description: 'Changes to a department; omitted fields stay as they are.' })
export class DepartmentUpdateInput {
  @Field(() => ID, { description: 'The department to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name, 1 to 100 characters.' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Offer it to customers or not. Private departments cannot be public.' })
  isPublic?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Let customers choose the priority of tickets they open here in the portal.' })
  portalPriority?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Ask customers for a rating by mail when a ticket here is closed (once per ticket).' })
  ratingMailEnabled?: boolean | null;
}
