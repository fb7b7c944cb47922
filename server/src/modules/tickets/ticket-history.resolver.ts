import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { StaffRefGql, TicketHistoryEntryGql } from './ticket.types.js';

@Resolver(() => TicketHistoryEntryGql)
export class TicketHistoryResolver {
  @FieldResolver(() => StaffRefGql, { nullable: true, description: 'Who, when a staff member.' })
  async actor(@Root() entry: TicketHistoryEntryGql, @Ctx() { loaders }: Context): Promise<StaffRefGql | null> {
    const user = entry.actorUserId ? await loaders.staffRef.load(entry.actorUserId) : null;
    return user ? { id: user.id, name: user.name } : null;
  }
}
