import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, UseMiddleware } from 'type-graphql';
import { FreshPerEvent } from '../../graphql/fresh-per-event.js';
import { asStaff, type Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import type { Delivered } from '../../realtime/ticket-access.js';
import type { TicketChangedEvent } from '../../realtime/topics.js';
import { Role, STAFF_READ } from '../auth/viewer.js';
import { ContactGql, CustomerGql, toContactGql, toCustomerGql } from '../customers/customer.types.js';
import { ChangeKind, DepartmentGql, toDepartmentGql } from '../departments/department.types.js';
import { MessageGql, toMessageGql } from '../messages/message.types.js';
import type { ITicket } from './ticket.entity.js';
import {
  TicketCreateInput,
  TicketFilterInput,
  TicketMergeInput,
  TicketMoveInput,
  TicketNoteAddInput,
  TicketOrderInput,
  TicketUpdateInput,
  TicketStatusCreateInput,
  TicketStatusUpdateInput,
} from './ticket.inputs.js';
import {
  StaffRefGql,
  TicketChangeGql,
  TicketConnectionGql,
  TicketCountGql,
  TicketGql,
  TicketHistoryEntryGql,
  TicketPolicyGql,
  TicketStatusGql,
  toHistoryGql,
  toTicketGql,
  toTicketStatusGql,
  toPriority,
  TicketOrderFieldGql,
  OrderDirectionGql,
} from './ticket.types.js';

/** Who may change tickets: staff, and read-write tokens. */
export const TICKET_WRITE = [Role.Admin, Role.Agent, Role.PartnerWrite];

@Resolver(() => TicketGql)
export class TicketResolver {
  @Authorized(...STAFF_READ)
  @Query(() => TicketConnectionGql, { description: 'Tickets the viewer may see, filtered and sorted (or ranked by a search), a page at a time.' })
  async tickets(
    @Arg('filter', () => TicketFilterInput, { nullable: true, description: 'Which tickets.' }) filter: TicketFilterInput | null,
    @Arg('orderBy', () => TicketOrderInput, { nullable: true, description: 'Sort order (default: last activity, newest first).' })
    orderBy: TicketOrderInput | null,
    @Arg('first', () => Int, { defaultValue: 25, description: 'Page size, 1 to 100 (larger values are clamped to 100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketConnectionGql> {
    const order = { field: orderBy?.field ?? TicketOrderFieldGql.LAST_ACTIVITY, direction: orderBy?.direction ?? OrderDirectionGql.DESC };
    const page = await services.ticketQueries.list(viewer, { ...filter, priorities: filter?.priorities?.map(toPriority) ?? null }, order, first, after);
    return {
      edges: page.rows.map((row) => ({ cursor: row.cursor, node: toTicketGql(row.ticket), snippet: row.snippet })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
      totalCountExact: page.totalCountExact,
    };
  }

  @Authorized(...STAFF_READ)
  @Query(() => TicketGql, { nullable: true, description: 'One ticket; null when it does not exist or the viewer may not see it (the same answer for both).' })
  async ticket(@Arg('id', () => ID, { description: 'Ticket id.' }) id: string, @Ctx() { viewer, services }: Context): Promise<TicketGql | null> {
    const ticket = await services.ticketQueries.findVisible(viewer, id);
    return ticket ? toTicketGql(ticket) : null;
  }

  @Authorized(...STAFF_READ)
  @Query(() => TicketGql, { nullable: true, description: 'One ticket by its number; null when it does not exist or the viewer may not see it.' })
  async ticketByNumber(
    @Arg('number', () => Int, { description: 'Ticket number.' }) number: number,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketGql | null> {
    const ticket = await services.ticketQueries.findVisibleByNumber(viewer, number);
    return ticket ? toTicketGql(ticket) : null;
  }

  @Authorized(...STAFF_READ)
  @Query(() => [TicketCountGql], {
    description: 'Numbers of not-closed tickets per department and status, over the departments the viewer may see (for the sidebar).',
  })
  async ticketCounts(@Ctx() { viewer, services }: Context): Promise<TicketCountGql[]> {
    return services.ticketQueries.counts(viewer);
  }

  @Authorized(...STAFF_READ)
  @Query(() => [TicketStatusGql], { description: 'All ticket statuses of the tenant, in display order.' })
  async ticketStatuses(@Ctx() { viewer, services }: Context): Promise<TicketStatusGql[]> {
    return (await services.ticketQueries.statuses(asStaff(viewer).tenantId)).map(toTicketStatusGql);
  }

  @Authorized(Role.Admin)
  @Mutation(() => TicketStatusGql, { description: 'Add a ticket status (admins only).' })
  async ticketStatusCreate(
    @Arg('input', () => TicketStatusCreateInput, { description: 'Labels and category.' }) input: TicketStatusCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketStatusGql> {
    return toTicketStatusGql(await services.ticketStatuses.create(asStaff(viewer).tenantId, input));
  }

  @Authorized(Role.Admin)
  @Mutation(() => TicketStatusGql, { description: 'Relabel a ticket status (admins only).' })
  async ticketStatusUpdate(
    @Arg('input', () => TicketStatusUpdateInput, { description: 'What to change.' }) input: TicketStatusUpdateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketStatusGql> {
    return toTicketStatusGql(await services.ticketStatuses.update(asStaff(viewer).tenantId, input));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => TicketGql, { description: 'Open a ticket on behalf of a customer or from a phone call.' })
  async ticketCreate(
    @Arg('input', () => TicketCreateInput, { description: 'The new ticket.' }) input: TicketCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketGql> {
    return toTicketGql(await services.tickets.create(asStaff(viewer), { ...input, priority: toPriority(input.priority) }));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => TicketGql, { description: 'Change any field of a ticket. A stale version gets a CONFLICT error and changes nothing.' })
  async ticketUpdate(
    @Arg('input', () => TicketUpdateInput, { description: 'What to change.' }) input: TicketUpdateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketGql> {
    const priority = input.priority === null || input.priority === undefined ? input.priority : toPriority(input.priority);
    return toTicketGql(await services.tickets.update(asStaff(viewer), { ...input, priority }));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => TicketGql, { description: 'Move a ticket to another department the viewer may see.' })
  async ticketMove(
    @Arg('input', () => TicketMoveInput, { description: 'Ticket and department.' }) input: TicketMoveInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketGql> {
    return toTicketGql(await services.tickets.move(asStaff(viewer), input.id, input.departmentId));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => TicketGql, {
    description: 'Merge a ticket into another: messages, watchers and customers move; the source becomes a pointer. Returns the target.',
  })
  async ticketMerge(
    @Arg('input', () => TicketMergeInput, { description: 'Source and target.' }) input: TicketMergeInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<TicketGql> {
    return toTicketGql(await services.tickets.merge(asStaff(viewer), input.sourceId, input.targetId));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => TicketGql, { description: 'Close a ticket.' })
  async ticketClose(@Arg('id', () => ID, { description: 'Ticket id.' }) id: string, @Ctx() { viewer, services }: Context): Promise<TicketGql> {
    return toTicketGql(await services.tickets.close(asStaff(viewer), id));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => TicketGql, { description: 'Mark new customer mail as seen (clears unread). Does not change the version.' })
  async ticketMarkRead(@Arg('id', () => ID, { description: 'Ticket id.' }) id: string, @Ctx() { viewer, services }: Context): Promise<TicketGql> {
    return toTicketGql(await services.tickets.markRead(asStaff(viewer), id));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => TicketGql, { description: 'Reopen a closed ticket.' })
  async ticketReopen(@Arg('id', () => ID, { description: 'Ticket id.' }) id: string, @Ctx() { viewer, services }: Context): Promise<TicketGql> {
    return toTicketGql(await services.tickets.reopen(asStaff(viewer), id));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => MessageGql, { description: 'Add an internal note (staff only ever see it).' })
  async ticketNoteAdd(
    @Arg('input', () => TicketNoteAddInput, { description: 'Ticket and text.' }) input: TicketNoteAddInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<MessageGql> {
    return toMessageGql(await services.tickets.noteAdd(asStaff(viewer), input.ticketId, input.text, input.attachmentIds ?? []));
  }

  @Authorized(...STAFF_READ)
  @UseMiddleware(FreshPerEvent)
  @Subscription(() => TicketChangeGql, {
    description: 'Tickets the viewer may see being created or changed, optionally of one department. Checked per receiver and event.',
    subscribe: ({ args, context }) =>
      (context as Context).ticketRealtime.ticketChanged(context as Context, (args as { departmentId?: string | null }).departmentId ?? null),
  })
  async ticketChanged(
    @Arg('departmentId', () => ID, { nullable: true, description: 'Only this department.' }) _departmentId: string | null,
    @Root() payload: Delivered<TicketChangedEvent>,
    @Ctx() ctx: Context,
  ): Promise<TicketChangeGql> {
    const ticket = await ctx.freshServices().ticketQueries.findVisible(ctx.viewer, payload.event.ticketId);
    return { kind: ChangeKind[payload.event.kind], ticketId: payload.event.ticketId, ticket: ticket ? toTicketGql(ticket) : null };
  }

  @FieldResolver(() => TicketStatusGql, { description: 'Status.' })
  async status(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<TicketStatusGql> {
    return toTicketStatusGql(required(await loaders.status.load(ticket.entity.statusId)));
  }

  @FieldResolver(() => DepartmentGql, { description: 'Department.' })
  async department(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<DepartmentGql> {
    return toDepartmentGql(required(await loaders.department.load(ticket.entity.departmentId)));
  }

  @FieldResolver(() => CustomerGql, { nullable: true, description: 'Main customer.' })
  async customer(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<CustomerGql | null> {
    const customer = ticket.entity.customerId ? await loaders.customer.load(ticket.entity.customerId) : null;
    return customer ? toCustomerGql(customer) : null;
  }

  @FieldResolver(() => ContactGql, { nullable: true, description: 'Contact person of the main customer.' })
  async contact(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<ContactGql | null> {
    const contact = ticket.entity.contactId ? await loaders.contact.load(ticket.entity.contactId) : null;
    return contact ? toContactGql(contact) : null;
  }

  @FieldResolver(() => [CustomerGql], { description: 'Further assigned customers.' })
  async customers(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<CustomerGql[]> {
    const ids = await loaders.customersOfTicket.load(ticket.id);
    return (await loaders.customer.loadMany(ids)).filter(isRow).map(toCustomerGql);
  }

  @FieldResolver(() => StaffRefGql, { nullable: true, description: 'Handler.' })
  async handler(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<StaffRefGql | null> {
    const user = ticket.entity.handlerId ? await loaders.staffRef.load(ticket.entity.handlerId) : null;
    return user ? { id: user.id, name: user.name } : null;
  }

  @FieldResolver(() => [StaffRefGql], { description: 'Watchers.' })
  async watchers(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<StaffRefGql[]> {
    const ids = await loaders.watchersOfTicket.load(ticket.id);
    return (await loaders.staffRef.loadMany(ids)).filter(isRow).map((u) => ({ id: u.id, name: u.name }));
  }

  @FieldResolver(() => Boolean, { description: 'The viewer watches this ticket.' })
  async watchedByMe(@Root() ticket: TicketGql, @Ctx() { viewer, loaders }: Context): Promise<boolean> {
    return viewer.type === 'user' && (await loaders.watchersOfTicket.load(ticket.id)).includes(viewer.userId);
  }

  @FieldResolver(() => TicketGql, { nullable: true, description: 'The ticket this one was merged into.' })
  async mergedInto(@Root() ticket: TicketGql, @Ctx() { viewer, services }: Context): Promise<TicketGql | null> {
    if (!ticket.entity.mergedIntoId) return null;
    const target = await services.ticketQueries.findVisible(viewer, ticket.entity.mergedIntoId);
    return target ? toTicketGql(target) : null;
  }

  @FieldResolver(() => [MessageGql], { description: 'The thread, oldest first: inbound, outbound and internal notes.' })
  async messages(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<MessageGql[]> {
    return (await loaders.messagesOfTicket.load(ticket.id)).map(toMessageGql);
  }

  @FieldResolver(() => [TicketHistoryEntryGql], { description: 'Every change, oldest first.' })
  async history(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<TicketHistoryEntryGql[]> {
    return (await loaders.historyOfTicket.load(ticket.id)).map(toHistoryGql);
  }

  @FieldResolver(() => TicketPolicyGql, { description: 'What the viewer may do with this ticket.' })
  policy(@Root() ticket: TicketGql, @Ctx() { viewer }: Context): TicketPolicyGql {
    const write = viewer.type === 'user' ? viewer.kind === 'admin' || viewer.kind === 'agent' : viewer.type === 'token' && viewer.scope === 'read_write';
    const open = ticket.entity.mergedIntoId === null || ticket.entity.mergedIntoId === undefined;
    return { update: write && open, move: write && open, merge: write && open, close: write && open, note: write };
  }
}

function required<T>(value: T | null): T {
  if (value === null) throw new DomainError(ErrorCode.Internal, 'A ticket refers to a missing row.');
  return value;
}

function isRow<T>(value: T | null | Error): value is T {
  return value !== null && !(value instanceof Error);
}

export type { ITicket };
