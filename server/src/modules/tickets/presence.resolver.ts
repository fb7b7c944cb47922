import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, Root, Subscription, UseMiddleware } from 'type-graphql';
import { FreshPerEvent } from '../../graphql/fresh-per-event.js';
import { asStaff, asUser, type Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import type { Delivered } from '../../realtime/ticket-access.js';
import type { TicketPresenceEvent } from '../../realtime/topics.js';
import { Role, STAFF_READ } from '../auth/viewer.js';
import { TICKET_SUPPORT_GROUP, User, UserGroup, UserGroupMember } from '../users/user.entity.js';
import { TicketPresenceSetInput } from './ticket.inputs.js';
import { type PresenceStateGql, StaffRefGql, TicketPresenceGql } from './ticket.types.js';

@Resolver(() => TicketPresenceGql)
export class PresenceResolver {
  @Authorized(Role.Admin, Role.Agent)
  @Mutation(() => Boolean, {
    description: 'Tell the others in a ticket that you are viewing, typing, or left. Repeat VIEWING every 20 s; entries expire after 45 s.',
  })
  async ticketPresenceSet(
    @Arg('input', () => TicketPresenceSetInput, { description: 'Ticket and state.' }) input: TicketPresenceSetInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const viewer = asUser(ctx.viewer);
    const ticket = await ctx.services.ticketQueries.findVisible(viewer, input.ticketId);
    if (!ticket) throw new DomainError(ErrorCode.NotFound, 'Ticket not found.', 'ticketId');
    await ctx.services.presence.set(viewer.tenantId, ticket.id, viewer.userId, input.state);
    await ctx.freshServices().tickets.publishPresence(viewer.tenantId, ticket.id);
    return true;
  }

  @Authorized(...STAFF_READ)
  @UseMiddleware(FreshPerEvent)
  @Subscription(() => TicketPresenceGql, {
    description: 'Who is viewing or typing in a ticket the viewer may see; sent on every change.',
    subscribe: ({ args, context }) => (context as Context).ticketRealtime.ticketPresence(context as Context, (args as { ticketId: string }).ticketId),
  })
  async ticketPresence(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) _ticketId: string,
    @Root() payload: Delivered<TicketPresenceEvent>,
    @Ctx() ctx: Context,
  ): Promise<TicketPresenceGql> {
    const services = ctx.freshServices();
    const records = await services.presence.list(payload.tenantId, payload.event.ticketId);
    const users =
      records.length === 0
        ? []
        : await services.em.find(User, { tenantId: payload.tenantId, id: { $in: records.map((r) => r.userId) } }, { fields: ['id', 'name'] });
    const names = new Map(users.map((u) => [u.id, u.name]));
    return {
      ticketId: payload.event.ticketId,
      entries: records
        .filter((r) => names.has(r.userId))
        .map((r) => ({ user: { id: r.userId, name: names.get(r.userId)! }, state: r.state as PresenceStateGql })),
    };
  }

  @Authorized(...STAFF_READ)
  @Query(() => [StaffRefGql], { description: 'Active staff who may handle tickets (members of Ticket-Support), by name.' })
  async ticketHandlers(@Ctx() { viewer, services }: Context): Promise<StaffRefGql[]> {
    const tenantId = asStaff(viewer).tenantId;
    const group = await services.em.findOne(UserGroup, { tenantId, name: TICKET_SUPPORT_GROUP });
    if (!group) return [];
    const members = await services.em.find(UserGroupMember, { tenantId, groupId: group.id });
    const users = await services.em.find(
      User,
      { tenantId, id: { $in: members.map((m) => m.userId) }, active: true, kind: { $in: ['admin', 'agent'] } },
      { orderBy: { name: 'asc' } },
    );
    return users.map((u) => ({ id: u.id, name: u.name }));
  }
}
