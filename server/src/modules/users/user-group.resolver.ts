import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { asStaff, asUser, type Context } from '../../graphql/context.js';
import { Role } from '../auth/viewer.js';
import { UserGroupCreateInput, UserGroupUpdateInput } from './user.inputs.js';
import { UserGroupGql, toUserGroupGql } from './user.types.js';

@Resolver(() => UserGroupGql)
export class UserGroupResolver {
  @Authorized(Role.Admin, Role.PartnerRead)
  @Query(() => [UserGroupGql], { description: 'User groups of the tenant with their hourly rates (admins and API tokens).' })
  async userGroups(@Ctx() { viewer, services }: Context): Promise<UserGroupGql[]> {
    return (await services.userGroups.list(asStaff(viewer).tenantId)).map(toUserGroupGql);
  }

  @Authorized(Role.Admin)
  @Mutation(() => UserGroupGql, { description: 'Create a user group (admins only).' })
  async userGroupCreate(
    @Arg('input', () => UserGroupCreateInput, { description: 'The new group.' }) input: UserGroupCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<UserGroupGql> {
    return toUserGroupGql(await services.userGroups.create(asUser(viewer).tenantId, input));
  }

  @Authorized(Role.Admin)
  @Mutation(() => UserGroupGql, { description: 'Rename a user group or change its hourly rate (admins only).' })
  async userGroupUpdate(
    @Arg('input', () => UserGroupUpdateInput, { description: 'What to change.' }) input: UserGroupUpdateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<UserGroupGql> {
    return toUserGroupGql(await services.userGroups.update(asUser(viewer).tenantId, input));
  }
}
