import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, Root, Subscription, UseMiddleware } from 'type-graphql';
import { FreshPerEvent } from '../../graphql/fresh-per-event.js';
import type { Context } from '../../graphql/context.js';
import { asStaff } from '../../graphql/context.js';
import type { DepartmentChangedEvent } from '../../realtime/topics.js';
import { ADMIN_WRITE, STAFF_READ } from '../auth/viewer.js';
import { DepartmentCreateInput, DepartmentUpdateInput } from './department.inputs.js';
import { ChangeKind, DepartmentChangeGql, DepartmentGql, toDepartmentGql } from './department.types.js';

interface DepartmentChangedPayload {
  tenantId: string;
  event: DepartmentChangedEvent;
}

@Resolver(() => DepartmentGql)
export class DepartmentResolver {
  @Authorized(...STAFF_READ)
  @Query(() => [DepartmentGql], { description: 'Departments the viewer may see: shared ones they have access to, and their own private one.' })
  async departments(@Ctx() { viewer, services }: Context): Promise<DepartmentGql[]> {
    return (await services.departments.list(viewer)).map(toDepartmentGql);
  }

  @Authorized(...STAFF_READ)
  @Query(() => DepartmentGql, { nullable: true, description: 'One department by id; null when it does not exist or the viewer may not see it.' })
  async department(@Arg('id', () => ID, { description: 'Department id.' }) id: string, @Ctx() { viewer, services }: Context): Promise<DepartmentGql | null> {
    const department = await services.departments.findVisible(viewer, id);
    return department ? toDepartmentGql(department) : null;
  }

  @Authorized(...ADMIN_WRITE)
  @Mutation(() => DepartmentGql, { description: 'Create a shared department (admins, read-write tokens).' })
  async departmentCreate(
    @Arg('input', () => DepartmentCreateInput, { description: 'The new department.' }) input: DepartmentCreateInput,
    @Ctx() ctx: Context,
  ): Promise<DepartmentGql> {
    return toDepartmentGql(await ctx.services.departments.create(asStaff(ctx.viewer), input));
  }

  @Authorized(...ADMIN_WRITE)
  @Mutation(() => DepartmentGql, { description: 'Rename a department or change whether it is public.' })
  async departmentUpdate(
    @Arg('input', () => DepartmentUpdateInput, { description: 'What to change.' }) input: DepartmentUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<DepartmentGql> {
    return toDepartmentGql(await ctx.services.departments.update(asStaff(ctx.viewer), input));
  }

  @Authorized(...ADMIN_WRITE)
  @Mutation(() => ID, { description: 'Delete a shared department; returns its id.' })
  async departmentDelete(@Arg('id', () => ID, { description: 'Department id.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.departments.delete(asStaff(ctx.viewer), id);
  }

  @Authorized(...STAFF_READ)
  @UseMiddleware(FreshPerEvent)
  @Subscription(() => DepartmentChangeGql, {
    description: 'Departments the viewer may see being created, changed or deleted. Each event is authorized for each receiver.',
    subscribe: ({ context }) => (context as Context).realtime.departmentChanged(context as Context),
  })
  async departmentChanged(@Root() payload: DepartmentChangedPayload, @Ctx() ctx: Context): Promise<DepartmentChangeGql> {
    const { event } = payload;
    const department = event.kind === 'DELETED' ? null : await ctx.freshServices().departments.findVisible(ctx.viewer, event.departmentId);
    return { kind: ChangeKind[event.kind], departmentId: event.departmentId, department: department ? toDepartmentGql(department) : null };
  }
}
