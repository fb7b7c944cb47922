import { Arg, Authorized, Ctx, Extensions, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { asStaff, asUser } from '../../graphql/context.js';
import { DIRECT_EVENT } from '../../realtime/direct-events.js';
import type { TimerTick } from '../../realtime/timer-ticker.js';
import { Role, STAFF_READ } from '../auth/viewer.js';
import { TicketGql } from '../tickets/ticket.types.js';
import { hours } from './money.js';
import type { QuoteStatus } from './time.entity.js';
import { QuoteFilterInput, QuoteStatusUpdateInput, TimeEntryCreateInput, TimeEntryUpdateInput } from './time.inputs.js';
import { QuoteGql, QuoteLineGql, TimeEntryGql, TimerGql, TimerTickGql, toQuoteGql, toQuoteLineGql, toTimeEntryGql, toTimerGql } from './time.types.js';

/** Time is recorded by people: signed-in staff, not API tokens. */
const STAFF_USERS = [Role.Admin, Role.Agent];

@Resolver()
export class TimeResolver {
  @Authorized(...STAFF_READ)
  @Query(() => [TimeEntryGql], { description: "A ticket's time entries: agents see their own, admins and API tokens all." })
  async timeEntries(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<TimeEntryGql[]> {
    return (await services.time.entries(asStaff(viewer), ticketId)).map(toTimeEntryGql);
  }

  @Authorized(...STAFF_USERS)
  @Mutation(() => TimeEntryGql, { description: 'Record time on a ticket whose customer allowed time tracking.' })
  async timeEntryCreate(
    @Arg('input', () => TimeEntryCreateInput, { description: 'The time.' }) input: TimeEntryCreateInput,
    @Ctx() ctx: Context,
  ): Promise<TimeEntryGql> {
    const { ticketId, ...fields } = input;
    return toTimeEntryGql(await ctx.services.time.create(asUser(ctx.viewer), ticketId, fields));
  }

  @Authorized(...STAFF_USERS)
  @Mutation(() => TimeEntryGql, { description: 'Change an unbilled entry (your own; admins any).' })
  async timeEntryUpdate(
    @Arg('input', () => TimeEntryUpdateInput, { description: 'What to change.' }) input: TimeEntryUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<TimeEntryGql> {
    const { id, version, ...fields } = input;
    return toTimeEntryGql(await ctx.services.time.update(asUser(ctx.viewer), id, version, fields));
  }

  @Authorized(...STAFF_USERS)
  @Mutation(() => ID, { description: 'Delete an unbilled entry (your own; admins any); returns its id.' })
  async timeEntryDelete(@Arg('id', () => ID, { description: 'The entry.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.time.delete(asUser(ctx.viewer), id);
  }

  @Authorized(...STAFF_USERS)
  @Mutation(() => TimerGql, {
    description: 'Start your timer on a ticket. You run one timer at a time: one running on another ticket is stopped first and its time recorded.',
  })
  async timerStart(@Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string, @Ctx() ctx: Context): Promise<TimerGql> {
    return toTimerGql(await ctx.services.time.start(asUser(ctx.viewer), ticketId));
  }

  @Authorized(...STAFF_USERS)
  @Mutation(() => TimeEntryGql, { description: 'Stop your timer on a ticket; its time (rounded to the minute, at least 1) becomes an entry.' })
  async timerStop(@Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string, @Ctx() ctx: Context): Promise<TimeEntryGql> {
    return toTimeEntryGql(await ctx.services.time.stop(asUser(ctx.viewer), ticketId));
  }

  @Authorized(...STAFF_USERS)
  @Query(() => [TimerGql], { description: 'Your running timers (at most one).' })
  async timers(@Ctx() { viewer, services }: Context): Promise<TimerGql[]> {
    return (await services.time.running(asUser(viewer))).map(toTimerGql);
  }

  @Authorized(...STAFF_READ)
  @Extensions(DIRECT_EVENT)
  @Subscription(() => TimerTickGql, {
    description: 'Timers on a ticket: STARTED and STOPPED when they do, TICK once a second while one runs, all computed from the stored start time.',
    subscribe: ({ args, context }) => (context as Context).timerTicker.subscribe(context as Context, (args as { ticketId: string }).ticketId),
  })
  timerTick(@Arg('ticketId', () => ID, { description: 'The ticket.' }) _ticketId: string, @Root() tick: TimerTick): TimerTickGql {
    // A direct event (realtime/direct-events.ts): the answer is the event itself.
    return tick as TimerTickGql;
  }

  @Authorized(Role.Admin)
  @Mutation(() => [QuoteGql], {
    description: 'Bill the unbilled time of tickets: one draft quote per customer, a line per ticket and user group; that time is marked billed at once.',
  })
  async timeBill(
    @Arg('ticketIds', () => [ID], { description: 'The tickets (each needs a customer).' }) ticketIds: string[],
    @Ctx() ctx: Context,
  ): Promise<QuoteGql[]> {
    return (await ctx.services.billing.bill(asStaff(ctx.viewer), ticketIds)).map(toQuoteGql);
  }

  @Authorized(Role.Admin)
  @Query(() => [QuoteGql], { description: 'Quotes, newest first (at most 200).' })
  async quotes(
    @Arg('filter', () => QuoteFilterInput, { nullable: true, description: 'Status, customer.' }) filter: QuoteFilterInput | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<QuoteGql[]> {
    return (
      await services.billing.list(asStaff(viewer), { status: (filter?.status ?? null) as QuoteStatus | null, customerId: filter?.customerId ?? null })
    ).map(toQuoteGql);
  }

  @Authorized(Role.Admin)
  @Query(() => QuoteGql, { nullable: true, description: 'One quote, or null.' })
  async quote(@Arg('id', () => ID, { description: 'The quote.' }) id: string, @Ctx() { viewer, services }: Context): Promise<QuoteGql | null> {
    const quote = await services.billing.find(asStaff(viewer), id);
    return quote ? toQuoteGql(quote) : null;
  }

  @Authorized(Role.Admin)
  @Mutation(() => QuoteGql, { description: "Change a quote's status." })
  async quoteUpdateStatus(
    @Arg('input', () => QuoteStatusUpdateInput, { description: 'The new status.' }) input: QuoteStatusUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<QuoteGql> {
    return toQuoteGql(await ctx.services.billing.updateStatus(asStaff(ctx.viewer), input.id, input.version, input.status as QuoteStatus));
  }
}

@Resolver(() => QuoteGql)
export class QuoteResolver {
  @FieldResolver(() => [QuoteLineGql], { description: 'Its lines, in order.' })
  async lines(@Root() quote: QuoteGql, @Ctx() { services }: Context): Promise<QuoteLineGql[]> {
    return (await services.billing.lines(quote.tenantId, quote.id)).map((line) => toQuoteLineGql(line, hours));
  }
}

@Resolver(() => TicketGql)
export class TicketTimeResolver {
  @FieldResolver(() => Int, { description: 'Minutes recorded on the ticket, by everyone.' })
  async timeMinutes(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.timeTotals.load(ticket.id)).total;
  }

  @FieldResolver(() => Int, { description: 'Minutes recorded and not yet billed.' })
  async unbilledMinutes(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.timeTotals.load(ticket.id)).unbilled;
  }
}
