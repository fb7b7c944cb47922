import { Repeater } from '@repeaterjs/repeater';
import { filter, map, pipe } from '@graphql-yoga/subscription';
import type { Context } from '../graphql/context.js';
import { loadInboundMailViews, type InboundMailView } from '../modules/mail/inbound-mail-view.js';
import { EventChannel } from './event-channel.js';
import type { TresenPubSub } from './pubsub.js';
import type { Topics, InboundMailEvent, MailboxChangedEvent, MessageAddedEvent, TicketChangedEvent, TicketPresenceEvent } from './topics.js';

export interface Delivered<E> {
  tenantId: string;
  event: E;
}

/** New mail waiting for a console that falls behind; beyond this the oldest is dropped. */
const INBOUND_QUEUE_MAX = 10_000;

export interface DeliveredInboundMail extends Delivered<InboundMailEvent> {
  view: InboundMailView;
}

/**
 * Ticket subscription sources. Each is scoped to the viewer's tenant; every event is checked for
 * this receiver with fresh data (session valid, ticket's department visible now), so a ticket moved
 * out of an agent's reach stops reaching that agent at once — after one last "left" notice for
 * receivers who could see the department it came from.
 */
export class TicketRealtime {
  constructor(private readonly pubSub: TresenPubSub) {}

  ticketChanged(ctx: Context, departmentId: string | null): AsyncIterable<Delivered<TicketChangedEvent>> {
    return this.source(ctx, 'ticketChanged', async (event) => {
      if (departmentId && event.departmentId !== departmentId && event.previousDepartmentId !== departmentId) return false;
      const visible = await this.visibleDepartments(ctx);
      if (!visible) return false;
      return visible.includes(event.departmentId) || (event.previousDepartmentId !== null && visible.includes(event.previousDepartmentId));
    });
  }

  messageAdded(ctx: Context, ticketId: string): AsyncIterable<Delivered<MessageAddedEvent>> {
    return this.source(ctx, 'messageAdded', async (event) => {
      if (event.ticketId !== ticketId) return false;
      return (await ctx.freshServices().ticketQueries.findVisible(ctx.viewer, ticketId)) !== null && (await this.stillSignedIn(ctx));
    });
  }

  /**
   * New customer mail in departments the receiver may see now, with the ticket and message as the
   * receiver's check read them: one statement per import batch and receiver, raw SQL, so the
   * operation's unit of work holds nothing stale. Mails come out one by one, in import order.
   */
  inboundMail(ctx: Context): AsyncIterable<DeliveredInboundMail> {
    const viewer = ctx.viewer;
    if (viewer.type === 'anonymous') return new Repeater<never>(async (_push, stop) => stop());
    const tenantId = viewer.tenantId;
    const channel = new EventChannel<DeliveredInboundMail>(INBOUND_QUEUE_MAX);
    // Listening starts now (a pub/sub stream starts on its first next()); it ends with the channel.
    const batches = this.pubSub.subscribe('inboundMail', tenantId)[Symbol.asyncIterator]();
    const first = batches.next();
    void channel.closed.then(() => void batches.return?.());
    void (async () => {
      for (let next = await first; !next.done; next = await batches.next()) {
        const { em, departments } = ctx.services;
        const views = await loadInboundMailViews(em, departments, viewer, next.value.mails);
        for (const event of next.value.mails) {
          const view = views.get(event.messageId);
          if (view && event.ticketId === view.ticket.id) channel.push({ tenantId, event, view });
        }
      }
    })().catch(() => channel.close());
    return channel;
  }

  /** Mailbox changes for admins who may see the mailbox's department (or saw it, for a deletion). */
  mailboxChanged(ctx: Context): AsyncIterable<Delivered<MailboxChangedEvent>> {
    return this.source(ctx, 'mailboxChanged', async (event) => {
      if (ctx.viewer.type !== 'user' || ctx.viewer.kind !== 'admin') return false;
      const visible = await this.visibleDepartments(ctx);
      return visible !== null && visible.includes(event.departmentId);
    });
  }

  /** Starts with who is there now, then every change. */
  ticketPresence(ctx: Context, ticketId: string): AsyncIterable<Delivered<TicketPresenceEvent>> {
    const allowed = async () => (await ctx.freshServices().ticketQueries.findVisible(ctx.viewer, ticketId)) !== null && (await this.stillSignedIn(ctx));
    const changes = this.source(ctx, 'ticketPresence', async (event) => event.ticketId === ticketId && (await allowed()));
    if (ctx.viewer.type === 'anonymous') return changes;
    const tenantId = ctx.viewer.tenantId;
    const snapshot = new Repeater<Delivered<TicketPresenceEvent>>(async (push, stop) => {
      if (await allowed()) await push({ tenantId, event: { ticketId } });
      stop();
    });
    return Repeater.merge([snapshot, changes]);
  }

  /**
   * The portal's live updates: ticket changes and new messages of tickets the contact may see now,
   * checked per receiver and event in one statement (internal notes never reach a contact).
   */
  portalTicketChanged(ctx: Context): AsyncIterable<Delivered<TicketChangedEvent | MessageAddedEvent>> {
    const viewer = ctx.viewer;
    if (viewer.type !== 'contact') return new Repeater<never>(async (_push, stop) => stop());
    const allowed = async (event: TicketChangedEvent | MessageAddedEvent) => {
      const services = ctx.freshServices();
      return (await services.auth.isStillValid(viewer)) && services.portalTickets.eventVisible(viewer, event);
    };
    return Repeater.merge([this.source(ctx, 'ticketChanged', allowed), this.source(ctx, 'messageAdded', allowed)]);
  }

  private source<K extends TicketTopic>(ctx: Context, topic: K, allowed: (event: TopicEvent<K>) => Promise<boolean>): AsyncIterable<Delivered<TopicEvent<K>>> {
    const viewer = ctx.viewer;
    if (viewer.type === 'anonymous') return new Repeater<never>(async (_push, stop) => stop());
    const subscribe = this.pubSub.subscribe as (topic: K, tenantId: string) => AsyncIterable<TopicEvent<K>>;
    const events = subscribe.call(this.pubSub, topic, viewer.tenantId);
    return pipe(
      events,
      filter((event: TopicEvent<K>) => allowed(event)),
      map((event: TopicEvent<K>) => ({ tenantId: viewer.tenantId, event })),
    );
  }

  /** The departments the receiver may see now, or null when their session ended. */
  private async visibleDepartments(ctx: Context): Promise<string[] | null> {
    if (!(await this.stillSignedIn(ctx))) return null;
    return ctx.freshServices().ticketQueries.visibleDepartmentIds(ctx.viewer);
  }

  private async stillSignedIn(ctx: Context): Promise<boolean> {
    return ctx.freshServices().auth.isStillValid(ctx.viewer);
  }
}

type TicketTopic = 'ticketChanged' | 'messageAdded' | 'ticketPresence' | 'mailboxChanged';
type TopicEvent<K extends TicketTopic> = Topics[K][1];
