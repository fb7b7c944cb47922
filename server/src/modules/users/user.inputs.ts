import { Field, ID, InputType, Int } from 'type-graphql';
import { StaffRoleGql } from './user.types.js';

@InputType({ description: 'A new staff member. They get their own private department at once.' })
export class StaffCreateInput {
  @Field(() => String, { description: 'Sign-in e-mail address, unique in the tenant.' })
  email!: string;

  @Field(() => String, { description: 'Display name, 1 to 100 characters.' })
  name!: string;

  @Field(() => String, { description: 'Initial password, at least 10 characters.' })
  password!: string;

  @Field(() => StaffRoleGql, { description: 'Admin or agent.' })
  role!: StaffRoleGql;

  @Field(() => [ID], { nullable: true, description: 'User groups to join.' })
  groupIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Shared departments to give access to.' })
  departmentIds?: string[] | null;
}

@InputType({ description: 'Changes to a staff member; omitted fields stay as they are. Lists replace the previous set.' })
export class StaffUpdateInput {
  @Field(() => ID, { description: 'The staff member to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Display name.' })
  name?: string | null;

  @Field(() => StaffRoleGql, { nullable: true, description: 'Admin or agent (not for yourself).' })
  role?: StaffRoleGql | null;

  @Field(() => Boolean, { nullable: true, description: 'Deactivating ends all their sessions (not for yourself).' })
  active?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'User groups (replaces the previous set).' })
  groupIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Shared departments with access (replaces the previous set).' })
  departmentIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new password; ends all their sessions.' })
  password?: string | null;
}

@InputType({ description: 'A new user group.' })
export class UserGroupCreateInput {
  @Field(() => String, { description: 'Name, 1 to 100 characters, unique in the tenant.' })
  name!: string;

  @Field(() => Int, { description: 'Hourly rate in euro cents (0 to 1,000,000).' })
  hourlyRateCents!: number;
}

@InputType({ description: 'Changes to a user group; omitted fields stay as they are.' })
export class UserGroupUpdateInput {
  @Field(() => ID, { description: 'The group to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: 'New hourly rate in euro cents.' })
  hourlyRateCents?: number | null;
}
