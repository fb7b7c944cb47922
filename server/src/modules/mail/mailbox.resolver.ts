import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, UseMiddleware } from 'type-graphql';
import { FreshPerEvent } from '../../graphql/fresh-per-event.js';
import type { Context } from '../../graphql/context.js';
import { asUser } from '../../graphql/context.js';
import type { Delivered, DeliveredInboundMail } from '../../realtime/ticket-access.js';
import type { MailboxChangedEvent } from '../../realtime/topics.js';
import { Role, STAFF_READ } from '../auth/viewer.js';
import { toMessageGql } from '../messages/message.types.js';
import { toTicketGql } from '../tickets/ticket.types.js';
import { MailboxCreateInput, MailboxTestInput, MailboxUpdateInput } from './mailbox.inputs.js';
import {
  FailedMailGql,
  FailedMailRetryResultGql,
  ImapCheckGql,
  InboundMailGql,
  MailboxChangeGql,
  MailboxGql,
  MailboxStateGql,
  toFailedMailGql,
  toImapCheckGql,
  toMailboxGql,
  toMailboxStateGql,
} from './mailbox.types.js';

/** Mailboxes hold credentials: only signed-in admins manage them (no API tokens). */
const MAIL_ADMIN = [Role.Admin];

@Resolver(() => MailboxGql)
export class MailboxResolver {
  @Authorized(...MAIL_ADMIN)
  @Query(() => [MailboxGql], { description: 'Receiving addresses of departments the admin may see.' })
  async mailboxes(@Ctx() { viewer, services }: Context): Promise<MailboxGql[]> {
    return (await services.mailboxes.list(asUser(viewer))).map(toMailboxGql);
  }

  @FieldResolver(() => MailboxStateGql, { description: 'Live import state.' })
  async state(@Root() mailbox: MailboxGql, @Ctx() { loaders }: Context): Promise<MailboxStateGql> {
    return toMailboxStateGql(await loaders.mailboxState.load(mailbox.id));
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => MailboxGql, { description: 'Set up a receiving address; import starts within seconds.' })
  async mailboxCreate(
    @Arg('input', () => MailboxCreateInput, { description: 'The address and its IMAP settings.' }) input: MailboxCreateInput,
    @Ctx() ctx: Context,
  ): Promise<MailboxGql> {
    return toMailboxGql(await ctx.services.mailboxes.create(asUser(ctx.viewer), input));
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => MailboxGql, { description: 'Change a mailbox; the watcher reconnects with the new settings.' })
  async mailboxUpdate(
    @Arg('input', () => MailboxUpdateInput, { description: 'What to change.' }) input: MailboxUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<MailboxGql> {
    const { id, version, ...fields } = input;
    return toMailboxGql(await ctx.services.mailboxes.update(asUser(ctx.viewer), id, version, fields));
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => ID, { description: 'Remove a mailbox (tickets and messages stay); returns its id.' })
  async mailboxDelete(@Arg('id', () => ID, { description: 'The mailbox.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.mailboxes.delete(asUser(ctx.viewer), id);
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => ImapCheckGql, { description: 'Try the settings: DNS, TCP, TLS, login, folder; says which step failed and why.' })
  async mailboxTest(
    @Arg('input', () => MailboxTestInput, { description: 'Settings to try.' }) input: MailboxTestInput,
    @Ctx() ctx: Context,
  ): Promise<ImapCheckGql> {
    const { id, ...fields } = input;
    return toImapCheckGql(await ctx.services.mailboxes.test(asUser(ctx.viewer), id ?? null, fields));
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => Boolean, { description: 'Fetch new mail now ("refresh messages").' })
  async mailboxRefresh(@Arg('id', () => ID, { description: 'The mailbox.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.mailboxes.refresh(asUser(ctx.viewer), id);
  }

  @Authorized(...MAIL_ADMIN)
  @Query(() => [FailedMailGql], { description: 'Mail that could not be imported, newest first, with the reason.' })
  async failedMails(
    @Ctx() ctx: Context,
    @Arg('mailboxId', () => ID, { nullable: true, description: 'Only this mailbox.' }) mailboxId?: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many (at most 200).' }) first = 50,
  ): Promise<FailedMailGql[]> {
    return (await ctx.services.mailboxes.failedMails(asUser(ctx.viewer), mailboxId ?? null, first)).map(toFailedMailGql);
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => FailedMailRetryResultGql, { description: 'Import a failed mail again (after a fix or a raised limit).' })
  async failedMailRetry(@Arg('id', () => ID, { description: 'The failed mail.' }) id: string, @Ctx() ctx: Context): Promise<FailedMailRetryResultGql> {
    const outcome = await ctx.services.mailboxes.retry(asUser(ctx.viewer), id);
    if (outcome.status === 'imported') return { imported: true, reason: null, ticketId: outcome.ticketId };
    return { imported: false, reason: 'reason' in outcome ? outcome.reason : 'It was imported meanwhile.', ticketId: null };
  }

  @Authorized(...MAIL_ADMIN)
  @UseMiddleware(FreshPerEvent)
  @Subscription(() => MailboxChangeGql, {
    description: "Mailboxes' settings and live state, for the admin page. Checked per receiver and event.",
    subscribe: ({ context }) => (context as Context).ticketRealtime.mailboxChanged(context as Context),
  })
  async mailboxChanged(@Root() payload: Delivered<MailboxChangedEvent>, @Ctx() ctx: Context): Promise<MailboxChangeGql> {
    const mailbox = payload.event.deleted ? null : await ctx.freshServices().mailboxes.find(asUser(ctx.viewer), payload.event.mailboxId);
    return { mailboxId: payload.event.mailboxId, mailbox: mailbox ? toMailboxGql(mailbox) : null };
  }

  @Authorized(...STAFF_READ)
  @UseMiddleware(FreshPerEvent)
  @Subscription(() => InboundMailGql, {
    description: 'New customer mail in departments the viewer may see (new tickets and replies). Checked per receiver and event.',
    subscribe: ({ context }) => (context as Context).ticketRealtime.inboundMail(context as Context),
  })
  inboundMail(@Root() payload: DeliveredInboundMail): InboundMailGql {
    // Checked and read for this receiver by TicketRealtime.inboundMail.
    const { ticket, message } = payload.view;
    return { ticket: toTicketGql(ticket), message: toMessageGql(message), createdTicket: payload.event.createdTicket };
  }
}
