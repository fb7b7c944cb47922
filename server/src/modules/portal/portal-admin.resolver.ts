import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import { asStaff, asUser, type Context } from '../../graphql/context.js';
import { Role } from '../auth/viewer.js';
import { ContactGql, toContactGql } from '../customers/customer.types.js';
import { TicketGql } from '../tickets/ticket.types.js';

@AccessRule('Staff who may see the ticket.')
@ObjectType('TicketRating', { description: "The customer's rating of a closed ticket." })
export class TicketRatingGql {
  @Field(() => Boolean, { description: 'Good (true) or bad (false).' })
  good!: boolean;

  @Field(() => String, { description: 'Comment, possibly empty.' })
  comment!: string;

  @Field(() => Date, { description: 'When it was given (or last changed).' })
  ratedAt!: Date;
}

@AccessRule('Admins; counts only departments they may see.')
@ObjectType('RatingCount', { description: 'Good and bad ratings of one department or agent.' })
export class RatingCountGql {
  @Field(() => ID, { nullable: true, description: 'Department or agent id; null for tickets without a handler.' })
  id!: string | null;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => Int, { description: 'Good ratings.' })
  good!: number;

  @Field(() => Int, { description: 'Bad ratings.' })
  bad!: number;
}

@AccessRule('Admins; counts only departments they may see.')
@ObjectType('RatingWeek', { description: 'Ratings of one week.' })
export class RatingWeekGql {
  @Field(() => String, { description: 'Monday of the week (YYYY-MM-DD, UTC).' })
  weekStart!: string;

  @Field(() => Int, { description: 'Good ratings.' })
  good!: number;

  @Field(() => Int, { description: 'Bad ratings.' })
  bad!: number;
}

@AccessRule('Admins; counts only departments they may see.')
@ObjectType('RatingReport', { description: 'Satisfaction: good and bad ratings per department, agent and week.' })
export class RatingReportGql {
  @Field(() => [RatingCountGql], { description: 'Per department.' })
  departments!: RatingCountGql[];

  @Field(() => [RatingCountGql], { description: 'Per agent who handled the ticket when it was rated.' })
  agents!: RatingCountGql[];

  @Field(() => [RatingWeekGql], { description: 'Per week, oldest first.' })
  weeks!: RatingWeekGql[];
}

/** What staff do about the portal: contacts' portal access, ratings on tickets and in sum. */
@Resolver(() => TicketGql)
export class PortalAdminResolver {
  @Authorized(Role.Admin)
  @Mutation(() => ContactGql, { description: 'Give or take a contact\'s portal right "see and answer tickets" of their whole customer (admins).' })
  async contactPortalRights(
    @Arg('contactId', () => ID, { description: 'Contact id.' }) contactId: string,
    @Arg('seesCustomerTickets', () => Boolean, { description: 'See and answer all tickets of the customer.' }) seesCustomerTickets: boolean,
    @Ctx() { viewer, services }: Context,
  ): Promise<ContactGql> {
    return toContactGql(await services.portalAuth.setRights(asUser(viewer), contactId, seesCustomerTickets));
  }

  @Authorized(Role.Admin)
  @Mutation(() => ContactGql, { description: 'Invite a contact to the portal: a mail with a link to choose a password, valid 7 days (admins).' })
  async contactPortalInvite(
    @Arg('contactId', () => ID, { description: 'Contact id.' }) contactId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<ContactGql> {
    return toContactGql(await services.portalAuth.invite(asUser(viewer), contactId));
  }

  @Authorized(Role.Admin)
  @Mutation(() => String, {
    description: 'A one-time link (2 minutes) that opens the portal as this contact sees it, read-only, for 30 minutes. Recorded in the audit trail (admins).',
  })
  async contactPortalViewAs(
    @Arg('contactId', () => ID, { description: 'Contact id.' }) contactId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<string> {
    return services.portalAuth.impersonate(asUser(viewer), contactId);
  }

  @Authorized(Role.Admin, Role.Agent, Role.PartnerWrite)
  @Mutation(() => Boolean, { description: 'Revoke every portal link to this ticket sent so far (in replies and confirmations); later mails carry new ones.' })
  async ticketPortalLinksRevoke(
    @Arg('ticketId', () => ID, { description: 'Ticket id.' }) ticketId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<boolean> {
    await services.portalAuth.revokeTicketLinks(asStaff(viewer), ticketId);
    return true;
  }

  @Authorized(Role.Admin)
  @Query(() => RatingReportGql, { description: 'Good and bad ratings of the last days per department, agent and week (admins).' })
  async ratingReport(
    @Arg('days', () => Int, { defaultValue: 90, description: 'How many days back, 1 to 366.' }) days: number,
    @Ctx() { viewer, services }: Context,
  ): Promise<RatingReportGql> {
    return services.ratings.report(asStaff(viewer), days);
  }

  @FieldResolver(() => TicketRatingGql, { nullable: true, description: "The customer's rating, once given." })
  async rating(@Root() ticket: TicketGql, @Ctx() { loaders }: Context): Promise<TicketRatingGql | null> {
    return loaders.ratingOfTicket.load(ticket.id);
  }
}
