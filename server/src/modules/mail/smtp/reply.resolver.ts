import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../graphql/context.js';
import { asStaff, asUser } from '../../../graphql/context.js';
import { Role, STAFF_READ } from '../../auth/viewer.js';
import { MessageGql, toMessageGql } from '../../messages/message.types.js';
import { TICKET_WRITE } from '../../tickets/ticket.resolver.js';
import { MailboxGql, toMailboxGql } from '../mailbox.types.js';
import {
  CannedReplyCreateInput,
  CannedReplyFilterInput,
  CannedReplyUpdateInput,
  MailboxSendingTestInput,
  MailboxSendingUpdateInput,
  SignatureUpdateInput,
  TicketReplyInput,
} from './sending.inputs.js';
import {
  CannedReplyGql,
  MailboxSendingGql,
  type ReplyBlockedGql,
  ReplyDefaultsGql,
  SmtpCheckGql,
  toCannedReplyGql,
  toMailboxSendingGql,
  toSmtpCheckGql,
} from './sending.types.js';

/** Mailboxes hold credentials: only signed-in admins manage them (no API tokens). */
const MAIL_ADMIN = [Role.Admin];

@Resolver(() => MailboxGql)
export class MailboxSendingResolver {
  @FieldResolver(() => MailboxSendingGql, { description: 'How replies leave from this address.' })
  sending(@Root() mailbox: MailboxGql): MailboxSendingGql {
    return toMailboxSendingGql(mailbox.source);
  }

  @FieldResolver(() => String, { description: "The address's signature, added below the agent's in every reply from it." })
  signature(@Root() mailbox: MailboxGql): string {
    return mailbox.source.signature;
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => MailboxGql, { description: 'Change how replies leave from an address.' })
  async mailboxSendingUpdate(
    @Arg('input', () => MailboxSendingUpdateInput, { description: 'What to change.' }) input: MailboxSendingUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<MailboxGql> {
    const { id, version, ...fields } = input;
    return toMailboxGql(await ctx.services.sending.update(asUser(ctx.viewer), id, version, fields));
  }

  @Authorized(...MAIL_ADMIN)
  @Mutation(() => SmtpCheckGql, { description: 'Connect and sign in with sending settings (saved or given) and say exactly what failed.' })
  async mailboxTestSending(
    @Arg('input', () => MailboxSendingTestInput, { description: 'The settings to test.' }) input: MailboxSendingTestInput,
    @Ctx() ctx: Context,
  ): Promise<SmtpCheckGql> {
    const { id, ...fields } = input;
    return toSmtpCheckGql(await ctx.services.sending.test(asUser(ctx.viewer), id ?? null, fields));
  }
}

@Resolver()
export class ReplyResolver {
  @Authorized(...STAFF_READ)
  @Query(() => ReplyDefaultsGql, { description: 'What the reply form of a ticket starts with, and whether it can be answered by mail.' })
  async replyDefaults(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<ReplyDefaultsGql> {
    const defaults = await services.replies.defaults(asStaff(viewer), ticketId);
    return { ...defaults, reasonCode: defaults.reasonCode as ReplyBlockedGql | null };
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => MessageGql, {
    description: 'Answer a ticket by mail. The reply is stored and queued at once (sendStatus QUEUED); sending updates arrive through messageAdded.',
  })
  async ticketReply(@Arg('input', () => TicketReplyInput, { description: 'The reply.' }) input: TicketReplyInput, @Ctx() ctx: Context): Promise<MessageGql> {
    const { attachments, ...rest } = input;
    return toMessageGql(await ctx.services.replies.reply(asStaff(ctx.viewer), { ...rest, attachmentIds: attachments ?? [] }));
  }

  @Authorized(...TICKET_WRITE)
  @Mutation(() => MessageGql, { description: 'Send a failed reply again (same Message-ID).' })
  async messageResend(@Arg('id', () => ID, { description: 'The failed reply.' }) id: string, @Ctx() ctx: Context): Promise<MessageGql> {
    return toMessageGql(await ctx.services.replies.resend(asStaff(ctx.viewer), id));
  }

  @Authorized(Role.Admin, Role.Agent)
  @Query(() => String, { description: 'Your own signature (with placeholders).' })
  async mySignature(@Ctx() { viewer, services }: Context): Promise<string> {
    return services.sending.ownSignature(asStaff(viewer));
  }

  @Authorized(Role.Admin, Role.Agent)
  @Mutation(() => String, { description: "Set your own signature, or (admins) an address's. Returns the stored text." })
  async signatureUpdate(
    @Arg('input', () => SignatureUpdateInput, { description: 'Which signature and its text.' }) input: SignatureUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.sending.updateSignature(asStaff(ctx.viewer), input.mailboxId ?? null, input.text);
  }

  @Authorized(...STAFF_READ)
  @Query(() => [CannedReplyGql], { description: 'Canned replies the viewer may use: global ones and those of departments they may see.' })
  async cannedReplies(
    @Arg('filter', () => CannedReplyFilterInput, { nullable: true, description: 'Department, category, search.' }) filter: CannedReplyFilterInput | null,
    @Ctx() { viewer, services }: Context,
  ): Promise<CannedReplyGql[]> {
    return (await services.cannedReplies.list(asStaff(viewer), filter ?? {})).map(toCannedReplyGql);
  }

  @Authorized(...STAFF_READ)
  @Query(() => String, { description: 'A canned reply with its placeholders filled for a ticket (preview).' })
  async cannedReplyRender(
    @Arg('id', () => ID, { description: 'The canned reply.' }) id: string,
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) ticketId: string,
    @Ctx() { viewer, services }: Context,
  ): Promise<string> {
    return services.replies.renderCanned(asStaff(viewer), id, ticketId);
  }

  @Authorized(Role.Admin)
  @Mutation(() => CannedReplyGql, { description: 'Create a canned reply.' })
  async cannedReplyCreate(
    @Arg('input', () => CannedReplyCreateInput, { description: 'The canned reply.' }) input: CannedReplyCreateInput,
    @Ctx() ctx: Context,
  ): Promise<CannedReplyGql> {
    return toCannedReplyGql(await ctx.services.cannedReplies.create(asStaff(ctx.viewer), input));
  }

  @Authorized(Role.Admin)
  @Mutation(() => CannedReplyGql, { description: 'Change a canned reply.' })
  async cannedReplyUpdate(
    @Arg('input', () => CannedReplyUpdateInput, { description: 'What to change.' }) input: CannedReplyUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<CannedReplyGql> {
    const { id, version, ...fields } = input;
    return toCannedReplyGql(await ctx.services.cannedReplies.update(asStaff(ctx.viewer), id, version, fields));
  }

  @Authorized(Role.Admin)
  @Mutation(() => ID, { description: 'Delete a canned reply; returns its id.' })
  async cannedReplyDelete(@Arg('id', () => ID, { description: 'The canned reply.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.cannedReplies.delete(asStaff(ctx.viewer), id);
  }
}
