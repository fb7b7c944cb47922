import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { asActingContact, asContact, type Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import type { Delivered } from '../../realtime/ticket-access.js';
import type { TicketChangedEvent, MessageAddedEvent } from '../../realtime/topics.js';
import { Role, type ContactViewer } from '../auth/viewer.js';
import { toPriority } from '../tickets/ticket.types.js';
import { PortalTicketCreateInput, PortalTicketFilterInput, PortalTicketReplyInput, PortalTicketRateInput, PortalTicketStateGql } from './portal.inputs.js';
import {
  PortalDepartmentGql,
  PortalMeGql,
  PortalMessageGql,
  PortalTicketConnectionGql,
  PortalTicketEventGql,
  PortalTicketGql,
  PortalTicketLinkResultGql,
  toPortalMessageGql,
  toPortalTicketGql,
} from './portal.types.js';

/** Portal sign-in works only on the portal's own endpoint, where the portal cookie is set. */
function portalSession(ctx: Context) {
  if (ctx.endpoint !== 'portal' || !ctx.session) throw new DomainError(ErrorCode.BadUserInput, 'Sign in to the portal over HTTP at /portal/graphql.');
  return ctx.session;
}

/**
 * The customer portal's API (on /portal/graphql, with the `tresen_portal` cookie). Every read and
 * change goes through the portal services, whose statements carry the portal's visibility rule.
 */
@Resolver()
export class PortalResolver {
  @Authorized(Role.Public)
  @Query(() => PortalMeGql, { nullable: true, description: 'The contact signed in to the portal; null when signed out.' })
  async portalMe(@Ctx() { viewer, services }: Context): Promise<PortalMeGql | null> {
    return viewer.type === 'contact' ? services.portalAuth.me(viewer) : null;
  }

  @Authorized(Role.Public)
  @Mutation(() => PortalMeGql, { description: 'Sign a contact in to the portal with e-mail and password. Failures are generic and rate limited.' })
  async portalLogin(
    @Arg('email', () => String, { description: 'E-mail address.' }) email: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<PortalMeGql> {
    const session = portalSession(ctx);
    const signIn = await ctx.services.portalAuth.login(email, password, ctx.ip);
    session.set(signIn.token, signIn.expiresAt);
    return ctx.services.portalAuth.me(signIn.viewer);
  }

  @Authorized(Role.Customer)
  @Mutation(() => Boolean, { description: 'End the portal session.' })
  async portalLogout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.portalAuth.logout(asContact(ctx.viewer));
    ctx.session?.clear();
    return true;
  }

  @Authorized(Role.Public)
  @Mutation(() => Boolean, {
    description: 'Mail a one-time sign-in link (15 minutes). Always true, whether the address is known or not; rate limited per address and caller.',
  })
  async portalMagicLinkRequest(@Arg('email', () => String, { description: 'E-mail address.' }) email: string, @Ctx() ctx: Context): Promise<boolean> {
    portalSession(ctx);
    await ctx.services.portalAuth.requestMagicLink(email, ctx.ip);
    return true;
  }

  @Authorized(Role.Public)
  @Mutation(() => PortalMeGql, { description: 'Sign in with a one-time link from a mail (or an admin\'s "view as customer" link). Each link works once.' })
  async portalMagicLinkSignIn(
    @Arg('token', () => String, { description: 'The token from the link.' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<PortalMeGql> {
    const session = portalSession(ctx);
    const signIn = await ctx.services.portalAuth.signInWithLink(token);
    session.set(signIn.token, signIn.expiresAt);
    return ctx.services.portalAuth.me(signIn.viewer);
  }

  @Authorized(Role.Public)
  @Mutation(() => Boolean, { description: 'Mail a password-reset link (60 minutes). Always true; rate limited per address and caller.' })
  async portalPasswordResetRequest(@Arg('email', () => String, { description: 'E-mail address.' }) email: string, @Ctx() ctx: Context): Promise<boolean> {
    portalSession(ctx);
    await ctx.services.portalAuth.requestPasswordReset(email, ctx.ip);
    return true;
  }

  @Authorized(Role.Public)
  @Mutation(() => PortalMeGql, { description: 'Choose a new password with a reset or invitation link; ends other portal sessions and signs in.' })
  async portalPasswordReset(
    @Arg('token', () => String, { description: 'The token from the link.' }) token: string,
    @Arg('password', () => String, { description: 'The new password, at least 10 characters.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<PortalMeGql> {
    const session = portalSession(ctx);
    const signIn = await ctx.services.portalAuth.resetPassword(token, password);
    session.set(signIn.token, signIn.expiresAt);
    return ctx.services.portalAuth.me(signIn.viewer);
  }

  @Authorized(Role.Public)
  @Mutation(() => PortalTicketLinkResultGql, {
    description: 'Open the ticket of a signed link from one of our mails, without a password: the session reaches only that ticket.',
  })
  async portalTicketLinkOpen(
    @Arg('token', () => String, { description: 'The token from the link.' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<PortalTicketLinkResultGql> {
    const session = portalSession(ctx);
    const opened = await ctx.services.portalAuth.openTicketLink(token, ctx.viewer);
    if (opened.signIn) session.set(opened.signIn.token, opened.signIn.expiresAt);
    const viewer = opened.signIn?.viewer ?? (ctx.viewer as ContactViewer);
    return { ticketNumber: opened.ticketNumber, me: await ctx.services.portalAuth.me(viewer) };
  }

  @Authorized(Role.Customer)
  @Query(() => PortalTicketConnectionGql, { description: "The contact's tickets (own ones; with the right, their customer's), newest activity first." })
  async portalTickets(
    @Arg('filter', () => PortalTicketFilterInput, { nullable: true, description: 'Which tickets.' }) filter: PortalTicketFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 25, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<PortalTicketConnectionGql> {
    const page = await services.portalTickets.list(
      asContact(viewer),
      { state: filter?.state ?? PortalTicketStateGql.ALL, search: filter?.search ?? null },
      first,
      after,
    );
    return { nodes: page.tickets.map(toPortalTicketGql), hasNextPage: page.hasNextPage, endCursor: page.tickets.at(-1)?.id ?? null };
  }

  @Authorized(Role.Customer)
  @Query(() => PortalTicketGql, {
    nullable: true,
    description: 'One ticket by id or number; null when it does not exist or is out of reach (the same answer).',
  })
  async portalTicket(
    @Arg('id', () => ID, { nullable: true, description: 'Ticket id.' }) id: string | null,
    @Arg('number', () => Int, { nullable: true, description: 'Ticket number.' }) number: number | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<PortalTicketGql | null> {
    const ticket = await services.portalTickets.find(asContact(viewer), { id, number });
    return ticket ? toPortalTicketGql(ticket) : null;
  }

  @Authorized(Role.Customer)
  @Query(() => [PortalMessageGql], { description: 'The public messages of a ticket, oldest first; empty when it is out of reach.' })
  async portalTicketMessages(
    @Arg('ticketId', () => ID, { description: 'Ticket id.' }) ticketId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<PortalMessageGql[]> {
    return (await services.portalTickets.messages(asContact(viewer), ticketId)).map(toPortalMessageGql);
  }

  @Authorized(Role.Customer)
  @Query(() => [PortalDepartmentGql], { description: 'Departments the contact can open tickets in.' })
  async portalDepartments(@Ctx() { viewer, services }: Context): Promise<PortalDepartmentGql[]> {
    return services.portalTickets.departments(asContact(viewer));
  }

  @Authorized(Role.Customer)
  @Mutation(() => PortalTicketGql, { description: 'Open a ticket in a public department.' })
  async portalTicketCreate(
    @Arg('input', () => PortalTicketCreateInput, { description: 'The request.' }) input: PortalTicketCreateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<PortalTicketGql> {
    const ticket = await services.portalTickets.create(asActingContact(viewer), {
      departmentId: input.departmentId,
      subject: input.subject,
      text: input.text,
      priority: input.priority === null || input.priority === undefined ? null : toPriority(input.priority),
      attachmentIds: input.attachmentIds ?? [],
    });
    return toPortalTicketGql(ticket);
  }

  @Authorized(Role.Customer)
  @Mutation(() => PortalMessageGql, { description: 'Answer a ticket; it becomes "customer replied" for the team (a closed one reopens).' })
  async portalTicketReply(
    @Arg('input', () => PortalTicketReplyInput, { description: 'The answer.' }) input: PortalTicketReplyInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<PortalMessageGql> {
    return toPortalMessageGql(await services.portalTickets.reply(asActingContact(viewer), input));
  }

  @Authorized(Role.Customer)
  @Mutation(() => PortalTicketGql, { description: 'Close a ticket that is settled.' })
  async portalTicketClose(
    @Arg('ticketId', () => ID, { description: 'Ticket id.' }) ticketId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<PortalTicketGql> {
    return toPortalTicketGql(await services.portalTickets.close(asActingContact(viewer), ticketId));
  }

  @Authorized(Role.Customer)
  @Mutation(() => PortalTicketGql, { description: 'Rate a closed ticket good or bad, with an optional comment; rating again replaces it.' })
  async portalTicketRate(
    @Arg('input', () => PortalTicketRateInput, { description: 'The rating.' }) input: PortalTicketRateInput,
    @Ctx() { viewer, services }: Context,
  ): Promise<PortalTicketGql> {
    return toPortalTicketGql(await services.portalTickets.rate(asActingContact(viewer), input));
  }

  @Authorized(Role.Customer)
  @Subscription(() => PortalTicketEventGql, {
    description: "The contact's tickets changing or getting a public message (an agent's answer appears without reload). Checked per receiver and event.",
    subscribe: ({ context }) => (context as Context).ticketRealtime.portalTicketChanged(context as Context),
  })
  async portalTicketChanged(@Root() payload: Delivered<TicketChangedEvent | MessageAddedEvent>, @Ctx() ctx: Context): Promise<PortalTicketEventGql> {
    const ticket = await ctx.freshServices().portalTickets.find(asContact(ctx.viewer), { id: payload.event.ticketId });
    return { ticketId: payload.event.ticketId, ticket: ticket ? toPortalTicketGql(ticket) : null };
  }
}
