import { randomUUID } from 'node:crypto';
import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError } from '../../graphql/errors.js';
import type { TresenPubSub } from '../../realtime/pubsub.js';
import type { TicketChangedEvent } from '../../realtime/topics.js';
import { isUuid } from '../../shared/ids.js';
import type { StaffViewer } from '../auth/viewer.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import { Contact, Customer } from '../customers/customer.entity.js';
import { Message, type IMessage } from '../messages/message.entity.js';
import { TICKET_SUPPORT_GROUP, User, UserGroup, UserGroupMember } from '../users/user.entity.js';
import {
  Ticket,
  TicketCustomer,
  TicketHistory,
  TicketStatus,
  TicketWatcher,
  type Channel,
  type ITicket,
  type ITicketStatus,
  type Priority,
} from './ticket.entity.js';
import type { RatingRequests } from '../portal/rating-request.js';
import { nextTicketNumber } from './ticket-numbers.js';
import type { TicketQueryService } from './ticket-query.service.js';
import { historyValue, validateDate, validateEstimate, validateNote, validateSubject, validateText } from './ticket.rules.js';

export interface TicketCreate {
  subject: string;
  departmentId: string;
  priority: Priority;
  channel: Channel;
  customerId?: string | null;
  contactId?: string | null;
  handlerId?: string | null;
  text: string;
}

export interface TicketPatch {
  id: string;
  version: number;
  subject?: string | null;
  statusId?: string | null;
  priority?: Priority | null;
  handlerId?: string | null;
  clearHandler?: boolean | null;
  watcherIds?: readonly string[] | null;
  customerId?: string | null;
  contactId?: string | null;
  clearCustomer?: boolean | null;
  customerIds?: readonly string[] | null;
  customerNote?: string | null;
  internalNote?: string | null;
  expectedDate?: string | null;
  estimatedMinutes?: number | null;
  processingStart?: Date | null;
  processingEnd?: Date | null;
  timeTrackingAllowed?: boolean | null;
}

/**
 * Changing tickets. Each method checks that the viewer may see the ticket (and the target
 * department), validates everything before it changes anything, writes the change and its history
 * in one flush (one transaction), and publishes the event only after the commit.
 */
export class TicketCommandService {
  constructor(
    private readonly em: EntityManager,
    private readonly query: TicketQueryService,
    private readonly attachments: AttachmentService,
    private readonly pubSub: TresenPubSub,
    /** Asks the customer for a rating when a ticket closes (where the department wants it); null where nothing can send. */
    private readonly ratingRequests: RatingRequests | null = null,
  ) {}

  async create(viewer: StaffViewer, input: TicketCreate): Promise<ITicket> {
    const subject = validateSubject(input.subject);
    const text = validateText(input.text);
    const departmentId = await this.visibleDepartment(viewer, input.departmentId, 'departmentId');
    const { customerId, contactId, customerName } = await this.customerAndContact(viewer.tenantId, input.customerId ?? null, input.contactId ?? null);
    const handlerId = input.handlerId ? await this.handler(viewer.tenantId, input.handlerId) : null;
    const status = await this.status(viewer.tenantId, 'new');
    const now = new Date();
    const number = await nextTicketNumber(this.em, viewer.tenantId);
    const ticket = this.em.create(Ticket, {
      id: randomUUID(),
      tenantId: viewer.tenantId,
      number,
      subject,
      statusId: status.id,
      statusCategory: status.category,
      priority: input.priority,
      departmentId,
      channel: input.channel,
      customerId,
      contactId,
      customerName,
      handlerId,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
      lastAgentActivityAt: now,
    });
    // The first message is the customer's request as staff recorded it (on the phone, on their
    // behalf): inbound, so the customer will see it in the portal; its author is the staff member.
    this.em.create(Message, {
      tenantId: viewer.tenantId,
      ticketId: ticket.id,
      kind: 'inbound',
      authorUserId: actorUserId(viewer),
      bodyText: text,
      createdAt: now,
    });
    this.history(viewer, ticket, 'created', null, `#${number}`);
    await this.em.flush();
    await this.publish(viewer.tenantId, { kind: 'CREATED', ticketId: ticket.id, departmentId, previousDepartmentId: null });
    return ticket;
  }

  async update(viewer: StaffViewer, patch: TicketPatch): Promise<ITicket> {
    const ticket = await this.visibleTicket(viewer, patch.id);
    if (ticket.version !== patch.version) throw conflict();
    this.assertNotMerged(ticket);
    const set = <K extends keyof ITicket>(field: K, value: ITicket[K], shown: unknown = value) => {
      if (ticket[field] === value || (ticket[field] instanceof Date && value instanceof Date && (ticket[field] as Date).getTime() === value.getTime())) return;
      this.history(viewer, ticket, String(field), historyValue(ticket[field]), historyValue(shown));
      ticket[field] = value;
    };
    if (patch.subject != null) set('subject', validateSubject(patch.subject));
    let closing = false;
    if (patch.statusId != null) {
      const status = await this.statusById(viewer.tenantId, patch.statusId);
      closing = status.category === 'closed' && ticket.statusCategory !== 'closed';
      if (status.key === 'merged') throw fieldError('statusId', 'Use ticketMerge to merge tickets.');
      if (status.id !== ticket.statusId) {
        const previous = await this.statusById(viewer.tenantId, ticket.statusId);
        this.history(viewer, ticket, 'status', previous.key, status.key);
        ticket.statusId = status.id;
        ticket.statusCategory = status.category;
      }
    }
    if (patch.priority != null) set('priority', patch.priority);
    if (patch.clearHandler) set('handlerId', null);
    else if (patch.handlerId != null) set('handlerId', await this.handler(viewer.tenantId, patch.handlerId));
    if (patch.clearCustomer || patch.customerId != null || patch.contactId != null) {
      const next = patch.clearCustomer
        ? { customerId: null, contactId: null, customerName: null }
        : await this.customerAndContact(viewer.tenantId, patch.customerId ?? ticket.customerId ?? null, patch.contactId ?? null);
      if (next.customerId !== ticket.customerId) this.history(viewer, ticket, 'customer', ticket.customerName ?? null, next.customerName);
      if (next.contactId !== ticket.contactId) this.history(viewer, ticket, 'contact', ticket.contactId ?? null, next.contactId);
      ticket.customerId = next.customerId;
      ticket.contactId = next.contactId;
      ticket.customerName = next.customerName;
    }
    if (patch.customerNote !== undefined) set('customerNote', validateNote(patch.customerNote, 'customerNote'));
    if (patch.internalNote !== undefined) set('internalNote', validateNote(patch.internalNote, 'internalNote'));
    if (patch.expectedDate !== undefined) set('expectedDate', validateDate(patch.expectedDate, 'expectedDate'));
    if (patch.estimatedMinutes !== undefined) set('estimatedMinutes', validateEstimate(patch.estimatedMinutes));
    if (patch.processingStart !== undefined) set('processingStart', patch.processingStart);
    if (patch.processingEnd !== undefined) set('processingEnd', patch.processingEnd);
    if (ticket.processingStart && ticket.processingEnd && ticket.processingEnd < ticket.processingStart) {
      throw fieldError('processingEnd', 'The processing end must not be before its start.');
    }
    if (patch.timeTrackingAllowed != null) set('timeTrackingAllowed', patch.timeTrackingAllowed);
    if (patch.watcherIds) await this.stageWatchers(viewer, ticket, patch.watcherIds);
    if (patch.customerIds) await this.stageCustomers(viewer, ticket, patch.customerIds);
    this.touch(ticket);
    await this.flushLocked(closing ? ticket : null);
    await this.publish(viewer.tenantId, { kind: 'UPDATED', ticketId: ticket.id, departmentId: ticket.departmentId, previousDepartmentId: null });
    return ticket;
  }

  /** Moves a ticket to another department the viewer may see; it may leave other viewers' reach. */
  async move(viewer: StaffViewer, id: string, departmentIdInput: string): Promise<ITicket> {
    const ticket = await this.visibleTicket(viewer, id);
    this.assertNotMerged(ticket);
    const departmentId = await this.visibleDepartment(viewer, departmentIdInput, 'departmentId');
    const previous = ticket.departmentId;
    if (previous === departmentId) return ticket;
    this.history(viewer, ticket, 'department', previous, departmentId);
    ticket.departmentId = departmentId;
    this.touch(ticket);
    await this.flushLocked();
    await this.publish(viewer.tenantId, { kind: 'UPDATED', ticketId: ticket.id, departmentId, previousDepartmentId: previous });
    return ticket;
  }

  async close(viewer: StaffViewer, id: string): Promise<ITicket> {
    return this.setStatusKey(viewer, id, 'closed');
  }

  async reopen(viewer: StaffViewer, id: string): Promise<ITicket> {
    const ticket = await this.visibleTicket(viewer, id);
    if (ticket.statusCategory !== 'closed') throw new DomainError(ErrorCode.BadUserInput, 'The ticket is not closed.', 'id');
    return this.setStatusKey(viewer, id, 'open');
  }

  /**
   * Merges source into target: messages, watchers and customers move to the target; the source
   * keeps a pointer (mergedIntoId) and the status "merged". Both must be visible and unmerged.
   */
  async merge(viewer: StaffViewer, sourceId: string, targetId: string): Promise<ITicket> {
    if (sourceId === targetId) throw fieldError('targetId', 'A ticket cannot be merged into itself.');
    const source = await this.visibleTicket(viewer, sourceId, 'sourceId');
    const target = await this.visibleTicket(viewer, targetId, 'targetId');
    if (source.mergedIntoId) throw fieldError('sourceId', 'This ticket was already merged.');
    if (target.mergedIntoId) throw fieldError('targetId', 'The target was itself merged into another ticket; merge into that one.');
    const merged = await this.status(viewer.tenantId, 'merged');
    const tenantId = viewer.tenantId;
    const connection = this.em.getConnection();
    await this.em.transactional(async (em) => {
      const tx = em.getTransactionContext();
      await connection.execute('update messages set ticket_id = ? where tenant_id = ? and ticket_id = ?', [target.id, tenantId, source.id], 'run', tx);
      await connection.execute(
        `insert into ticket_watchers (tenant_id, ticket_id, user_id) select tenant_id, ?::uuid, user_id from ticket_watchers where tenant_id = ? and ticket_id = ? on conflict do nothing`,
        [target.id, tenantId, source.id],
        'run',
        tx,
      );
      await connection.execute(
        `insert into ticket_customers (tenant_id, ticket_id, customer_id)
           select tenant_id, ?::uuid, customer_id from ticket_customers where tenant_id = ? and ticket_id = ?
           union select tenant_id, ?::uuid, customer_id from tickets where tenant_id = ? and id = ? and customer_id is not null
         on conflict do nothing`,
        [target.id, tenantId, source.id, target.id, tenantId, source.id],
        'run',
        tx,
      );
      await connection.execute(
        'delete from ticket_customers where tenant_id = ? and ticket_id = ? and customer_id = ?',
        [tenantId, target.id, target.customerId],
        'run',
        tx,
      );
      const updated = await connection.execute(
        `update tickets set merged_into_id = ?, status_id = ?, status_category = ?, version = version + 1, updated_at = now() where tenant_id = ? and id = ? and version = ? and merged_into_id is null`,
        [target.id, merged.id, merged.category, tenantId, source.id, source.version],
        'run',
        tx,
      );
      if ((updated as { affectedRows?: number }).affectedRows === 0) throw conflict();
      await connection.execute(
        `update tickets set version = version + 1, updated_at = now(), last_activity_at = now() where tenant_id = ? and id = ? and version = ? and merged_into_id is null`,
        [tenantId, target.id, target.version],
        'run',
        tx,
      );
      const actor = actorUserId(viewer);
      const label = actor ? null : 'API token';
      await connection.execute(
        `insert into ticket_history (id, tenant_id, ticket_id, actor_user_id, actor_label, at, field, old_value, new_value) values (?, ?, ?, ?, ?, now(), 'mergedInto', null, ?), (?, ?, ?, ?, ?, now(), 'merged', null, ?)`,
        [randomUUID(), tenantId, source.id, actor, label, `#${target.number}`, randomUUID(), tenantId, target.id, actor, label, `#${source.number}`],
        'run',
        tx,
      );
    });
    this.em.clear();
    await this.publish(tenantId, { kind: 'UPDATED', ticketId: source.id, departmentId: source.departmentId, previousDepartmentId: null });
    await this.publish(tenantId, { kind: 'UPDATED', ticketId: target.id, departmentId: target.departmentId, previousDepartmentId: null });
    return this.em.findOneOrFail(Ticket, { tenantId, id: target.id });
  }

  /** Adds an internal note. Notes do not bump the version, so an open edit form does not conflict. */
  async noteAdd(viewer: StaffViewer, ticketId: string, textInput: string, attachmentIds: readonly string[] = []): Promise<IMessage> {
    const text = validateText(textInput);
    const ticket = await this.visibleTicket(viewer, ticketId, 'ticketId');
    const attach = await this.attachments.assertAttachable(viewer, attachmentIds);
    const now = new Date();
    // Message, attachments and activity in one transaction: a note never shows up half attached.
    const message = await this.em.transactional(async (em) => {
      const created = em.create(Message, {
        id: randomUUID(),
        tenantId: viewer.tenantId,
        ticketId: ticket.id,
        kind: 'note',
        authorUserId: actorUserId(viewer),
        bodyText: text,
        createdAt: now,
      });
      await em.flush();
      const connection = em.getConnection();
      const tx = em.getTransactionContext();
      if (attach.length > 0) {
        const result = await connection.execute(
          `update attachments set message_id = ? where tenant_id = ? and message_id is null and id in (${attach.map(() => '?').join(', ')})`,
          [created.id, viewer.tenantId, ...attach],
          'run',
          tx,
        );
        if ((result as { affectedRows?: number }).affectedRows !== attach.length)
          throw fieldError('attachmentIds', 'An attachment was used by another message meanwhile.');
      }
      await connection.execute(
        'update tickets set last_activity_at = ?, last_agent_activity_at = ? where tenant_id = ? and id = ?',
        [now, now, viewer.tenantId, ticket.id],
        'run',
        tx,
      );
      return created;
    });
    await this.pubSub.publish('messageAdded', viewer.tenantId, { ticketId: ticket.id, messageId: message.id, departmentId: ticket.departmentId });
    await this.publish(viewer.tenantId, { kind: 'UPDATED', ticketId: ticket.id, departmentId: ticket.departmentId, previousDepartmentId: null });
    return message;
  }

  /** Clears the unread marker of new customer mail. No version bump: open edit forms stay valid. */
  async markRead(viewer: StaffViewer, id: string): Promise<ITicket> {
    const ticket = await this.visibleTicket(viewer, id);
    if (!ticket.unread) return ticket;
    await this.em.getConnection().execute('update tickets set unread = false where tenant_id = ? and id = ?', [viewer.tenantId, ticket.id]);
    this.em.clear();
    await this.publish(viewer.tenantId, { kind: 'UPDATED', ticketId: ticket.id, departmentId: ticket.departmentId, previousDepartmentId: null });
    return this.em.findOneOrFail(Ticket, { tenantId: viewer.tenantId, id: ticket.id });
  }

  /** Tells presence subscribers of a ticket to reload who is there. */
  async publishPresence(tenantId: string, ticketId: string): Promise<void> {
    await this.pubSub.publish('ticketPresence', tenantId, { ticketId });
  }

  private async setStatusKey(viewer: StaffViewer, id: string, key: string): Promise<ITicket> {
    const ticket = await this.visibleTicket(viewer, id);
    this.assertNotMerged(ticket);
    const status = await this.status(viewer.tenantId, key);
    if (ticket.statusId === status.id) return ticket;
    const previous = await this.statusById(viewer.tenantId, ticket.statusId);
    this.history(viewer, ticket, 'status', previous.key, status.key);
    const closing = status.category === 'closed' && ticket.statusCategory !== 'closed';
    ticket.statusId = status.id;
    ticket.statusCategory = status.category;
    this.touch(ticket);
    await this.flushLocked(closing ? ticket : null);
    await this.publish(viewer.tenantId, { kind: 'UPDATED', ticketId: ticket.id, departmentId: ticket.departmentId, previousDepartmentId: null });
    return ticket;
  }

  private async visibleTicket(viewer: StaffViewer, id: string, field = 'id'): Promise<ITicket> {
    const ticket = await this.query.findVisible(viewer, id);
    if (!ticket) throw new DomainError(ErrorCode.NotFound, 'Ticket not found.', field);
    return ticket;
  }

  private assertNotMerged(ticket: ITicket): void {
    if (ticket.mergedIntoId) throw new DomainError(ErrorCode.BadUserInput, 'This ticket was merged into another one and cannot change any more.', 'id');
  }

  private async visibleDepartment(viewer: StaffViewer, id: string, field: string): Promise<string> {
    const visible = await this.query.visibleDepartmentIds(viewer);
    if (!isUuid(id) || !visible.includes(id)) throw new DomainError(ErrorCode.NotFound, 'Department not found.', field);
    return id;
  }

  private async customerAndContact(tenantId: string, customerId: string | null, contactId: string | null) {
    if (contactId) {
      const contact = isUuid(contactId) ? await this.em.findOne(Contact, { tenantId, id: contactId }) : null;
      if (!contact) throw new DomainError(ErrorCode.NotFound, 'Contact not found.', 'contactId');
      if (customerId && contact.customerId !== customerId) throw fieldError('contactId', 'The contact belongs to another customer.');
      customerId = contact.customerId;
    }
    if (!customerId) return { customerId: null, contactId: null, customerName: null };
    const customer = isUuid(customerId) ? await this.em.findOne(Customer, { tenantId, id: customerId }) : null;
    if (!customer) throw new DomainError(ErrorCode.NotFound, 'Customer not found.', 'customerId');
    return { customerId: customer.id, contactId, customerName: customer.name };
  }

  /** A handler must be an active staff member in the Ticket-Support group. */
  private async handler(tenantId: string, id: string): Promise<string> {
    const group = await this.em.findOne(UserGroup, { tenantId, name: TICKET_SUPPORT_GROUP });
    const user = isUuid(id) ? await this.em.findOne(User, { tenantId, id, active: true, kind: { $in: ['admin', 'agent'] } }) : null;
    const member = user && group ? await this.em.count(UserGroupMember, { tenantId, groupId: group.id, userId: user.id }) : 0;
    if (!user || member === 0) throw fieldError('handlerId', `The handler must be an active member of the ${TICKET_SUPPORT_GROUP} group.`);
    return user.id;
  }

  private async stageWatchers(viewer: StaffViewer, ticket: ITicket, watcherIds: readonly string[]): Promise<void> {
    const ids = [...new Set(watcherIds)];
    if (ids.some((id) => !isUuid(id))) throw fieldError('watcherIds', 'Unknown staff member.');
    const found = ids.length === 0 ? 0 : await this.em.count(User, { tenantId: viewer.tenantId, id: { $in: ids }, kind: { $in: ['admin', 'agent'] } });
    if (found !== ids.length) throw fieldError('watcherIds', 'Unknown staff member.');
    const current = await this.em.find(TicketWatcher, { tenantId: viewer.tenantId, ticketId: ticket.id });
    const before = current.map((w) => w.userId).sort();
    for (const row of current) if (!ids.includes(row.userId)) this.em.remove(row);
    for (const userId of ids) if (!before.includes(userId)) this.em.create(TicketWatcher, { tenantId: viewer.tenantId, ticketId: ticket.id, userId });
    const after = [...ids].sort();
    if (before.join() !== after.join()) this.history(viewer, ticket, 'watchers', before.join(', ') || null, after.join(', ') || null);
  }

  private async stageCustomers(viewer: StaffViewer, ticket: ITicket, customerIds: readonly string[]): Promise<void> {
    const ids = [...new Set(customerIds)];
    if (ids.some((id) => !isUuid(id))) throw fieldError('customerIds', 'Unknown customer.');
    const found = ids.length === 0 ? 0 : await this.em.count(Customer, { tenantId: viewer.tenantId, id: { $in: ids } });
    if (found !== ids.length) throw fieldError('customerIds', 'Unknown customer.');
    const current = await this.em.find(TicketCustomer, { tenantId: viewer.tenantId, ticketId: ticket.id });
    const before = current.map((c) => c.customerId).sort();
    for (const row of current) if (!ids.includes(row.customerId)) this.em.remove(row);
    for (const customerId of ids)
      if (!before.includes(customerId)) this.em.create(TicketCustomer, { tenantId: viewer.tenantId, ticketId: ticket.id, customerId });
    const after = [...ids].sort();
    if (before.join() !== after.join()) this.history(viewer, ticket, 'customers', before.join(', ') || null, after.join(', ') || null);
  }

  private async status(tenantId: string, key: string): Promise<ITicketStatus> {
    return this.em.findOneOrFail(TicketStatus, { tenantId, key });
  }

  private async statusById(tenantId: string, id: string): Promise<ITicketStatus> {
    const status = isUuid(id) ? await this.em.findOne(TicketStatus, { tenantId, id }) : null;
    if (!status) throw new DomainError(ErrorCode.NotFound, 'Status not found.', 'statusId');
    return status;
  }

  private touch(ticket: ITicket): void {
    const now = new Date();
    ticket.updatedAt = now;
    ticket.lastActivityAt = now;
    ticket.lastAgentActivityAt = now;
  }

  private history(viewer: StaffViewer, ticket: ITicket, field: string, oldValue: string | null, newValue: string | null): void {
    const actor = actorUserId(viewer);
    this.em.create(TicketHistory, {
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      actorUserId: actor,
      actorLabel: actor ? null : 'API token',
      field,
      oldValue,
      newValue,
    });
  }

  /**
   * Flushes; a version that changed underneath becomes a CONFLICT and nothing is written. A ticket
   * that closes with this flush gets its rating request queued in the same transaction.
   */
  private async flushLocked(closed: ITicket | null = null): Promise<void> {
    try {
      if (closed && this.ratingRequests) {
        const requests = this.ratingRequests;
        await this.em.begin();
        try {
          await this.em.flush();
          await requests.queue(this.em, closed.tenantId, closed.id);
          await this.em.commit();
        } catch (error) {
          await this.em.rollback();
          throw error;
        }
      } else await this.em.flush();
    } catch (error) {
      if (error instanceof OptimisticLockError) {
        this.em.clear();
        throw conflict();
      }
      throw error;
    }
  }

  private async publish(tenantId: string, event: TicketChangedEvent): Promise<void> {
    await this.pubSub.publish('ticketChanged', tenantId, event);
  }
}

function actorUserId(viewer: StaffViewer): string | null {
  return viewer.type === 'user' ? viewer.userId : null;
}

function conflict(): DomainError {
  return new DomainError(ErrorCode.Conflict, 'Someone else changed this ticket in the meantime. Reload it and apply your change again.', 'version');
}
