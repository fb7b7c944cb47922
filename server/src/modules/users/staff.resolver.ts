import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { asUser, type Context } from '../../graphql/context.js';
import { Role } from '../auth/viewer.js';
import { DepartmentGql, toDepartmentGql } from '../departments/department.types.js';
import { StaffCreateInput, StaffUpdateInput } from './user.inputs.js';
import { StaffGql, UserGroupGql, toStaffGql, toUserGroupGql } from './user.types.js';

const STAFF_ADMIN = [Role.Admin, Role.PartnerRead];

@Resolver(() => StaffGql)
export class StaffResolver {
  @Authorized(...STAFF_ADMIN)
  @Query(() => [StaffGql], { description: 'All staff members of the tenant (admins and API tokens).' })
  async staff(@Ctx() { viewer, services }: Context): Promise<StaffGql[]> {
    if (viewer.type === 'anonymous') return [];
    return (await services.staff.list(viewer.tenantId)).map(toStaffGql);
  }

  @Authorized(Role.Admin)
  @Mutation(() => StaffGql, { description: 'Create a staff member (admins only).' })
  async staffCreate(
    @Arg('input', () => StaffCreateInput, { description: 'The new staff member.' }) input: StaffCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<StaffGql> {
    return toStaffGql(await services.staff.create(asUser(viewer).tenantId, input));
  }

  @Authorized(Role.Admin)
  @Mutation(() => StaffGql, { description: 'Change a staff member (admins only).' })
  async staffUpdate(
    @Arg('input', () => StaffUpdateInput, { description: 'What to change.' }) input: StaffUpdateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<StaffGql> {
    return toStaffGql(await services.staff.update(asUser(viewer), input));
  }

  @FieldResolver(() => [UserGroupGql], { description: 'User groups the staff member belongs to.' })
  async groups(@Root() staff: StaffGql, @Ctx() { loaders }: Context): Promise<UserGroupGql[]> {
    return (await loaders.groupsOfUser.load(staff.id)).map(toUserGroupGql);
  }

  @FieldResolver(() => [DepartmentGql], {
    description: "Shared departments the staff member has access to (admins: all shared ones). Never anyone's private department.",
  })
  async departments(@Root() staff: StaffGql, @Ctx() { loaders }: Context): Promise<DepartmentGql[]> {
    return (await loaders.departmentsOfStaff.load(staff.id)).map(toDepartmentGql);
  }
}
