import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root, Subscription, UseMiddleware } from 'type-graphql';
import { FreshPerEvent } from '../../graphql/fresh-per-event.js';
import type { Context } from '../../graphql/context.js';
import type { Delivered } from '../../realtime/ticket-access.js';
import type { MessageAddedEvent } from '../../realtime/topics.js';
import { STAFF_READ } from '../auth/viewer.js';
import { StaffRefGql } from '../tickets/ticket.types.js';
import { AttachmentGql, MessageAddedGql, MessageGql, toAttachmentGql, toMessageGql } from './message.types.js';

@Resolver(() => MessageGql)
export class MessageResolver {
  @FieldResolver(() => StaffRefGql, { nullable: true, description: 'The staff member who wrote it (notes, replies).' })
  async author(@Root() message: MessageGql, @Ctx() { loaders }: Context): Promise<StaffRefGql | null> {
    const user = message.authorUserId ? await loaders.staffRef.load(message.authorUserId) : null;
    return user ? { id: user.id, name: user.name } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Display name of the author: the staff member's name, or the sender address of mail." })
  async authorName(@Root() message: MessageGql, @Ctx() { loaders }: Context): Promise<string | null> {
    const user = message.authorUserId ? await loaders.staffRef.load(message.authorUserId) : null;
    return user?.name ?? message.from;
  }

  @FieldResolver(() => [AttachmentGql], { description: 'Attached files.' })
  async attachments(@Root() message: MessageGql, @Ctx() { loaders }: Context): Promise<AttachmentGql[]> {
    return (await loaders.attachmentsOfMessage.load(message.id)).map(toAttachmentGql);
  }

  @Authorized(...STAFF_READ)
  @UseMiddleware(FreshPerEvent)
  @Subscription(() => MessageAddedGql, {
    description: "New messages of one ticket the viewer may see, and changes of a reply's send status. Checked per receiver and event.",
    subscribe: ({ args, context }) => (context as Context).ticketRealtime.messageAdded(context as Context, (args as { ticketId: string }).ticketId),
  })
  async messageAdded(
    @Arg('ticketId', () => ID, { description: 'The ticket.' }) _ticketId: string,
    @Root() payload: Delivered<MessageAddedEvent>,
    @Ctx() ctx: Context,
  ): Promise<MessageAddedGql> {
    const message = await ctx.freshServices().messages.byId(payload.tenantId, payload.event.messageId);
    if (!message) throw new Error('message vanished');
    return { ticketId: payload.event.ticketId, message: toMessageGql(message) };
  }
}
