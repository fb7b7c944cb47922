import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Role } from '../auth/viewer.js';
import { WidgetCreateInput, WidgetUpdateInput } from './widget.inputs.js';
import { WidgetGql, toWidgetGql } from './widget.types.js';

@Resolver(() => WidgetGql)
export class WidgetResolver {
  @Authorized(Role.Admin)
  @Query(() => [WidgetGql], { description: "The tenant's contact widgets (admins only)." })
  async widgets(@Ctx() { viewer, services }: Context): Promise<WidgetGql[]> {
    return (await services.widgets.list(viewer)).map(toWidgetGql);
  }

  @Authorized(Role.Admin)
  @Mutation(() => WidgetGql, { description: 'Create a contact widget for a public department (admins only).' })
  async widgetCreate(
    @Arg('input', () => WidgetCreateInput, { description: 'The new widget.' }) input: WidgetCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<WidgetGql> {
    return toWidgetGql(await services.widgets.create(viewer, input));
  }

  @Authorized(Role.Admin)
  @Mutation(() => WidgetGql, { description: "Change a widget's department, origins, colours, texts or whether it is on (admins only)." })
  async widgetUpdate(
    @Arg('input', () => WidgetUpdateInput, { description: 'What to change.' }) input: WidgetUpdateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<WidgetGql> {
    return toWidgetGql(await services.widgets.update(viewer, input));
  }

  @Authorized(Role.Admin)
  @Mutation(() => ID, { description: 'Delete a widget; pages that embed it show nothing from then on. Returns its id (admins only).' })
  async widgetDelete(@Arg('id', () => ID, { description: 'Widget id.' }) id: string, @Ctx() { viewer, services }: Context): Promise<string> {
    return services.widgets.delete(viewer, id);
  }
}
