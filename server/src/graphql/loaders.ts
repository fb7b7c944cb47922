import type { MailboxState } from '../modules/mail/mailbox.service.js';
import DataLoader from 'dataloader';
import type { Viewer } from '../modules/auth/viewer.js';
import { Department, type IDepartment } from '../modules/departments/department.entity.js';
import { Contact, Customer, type IContact } from '../modules/customers/customer.entity.js';
import type { IMessage } from '../modules/messages/message.entity.js';
import type { AttachmentRow } from '../modules/messages/message.service.js';
import { Ticket, TicketCustomer, TicketHistory, TicketStatus, TicketWatcher, type ITicketHistory } from '../modules/tickets/ticket.entity.js';
import { User, type IUserGroup } from '../modules/users/user.entity.js';
import type { TicketRatingRow } from '../modules/portal/rating.service.js';
import type { Services } from './services.js';

/** Per-operation batch loaders for list fields, so a list of N staff costs a fixed number of queries, not N. */
export function createLoaders(viewer: Viewer, services: Services) {
  const tenantId = viewer.type === 'anonymous' ? null : viewer.tenantId;
  const none = async (keys: readonly string[]) => keys.map(() => []);
  return {
    groupsOfUser: new DataLoader<string, IUserGroup[]>(async (userIds) => {
      if (!tenantId) return none(userIds);
      const byUser = await services.userGroups.groupsOfUsers(tenantId, userIds);
      return userIds.map((id) => byUser.get(id) ?? []);
    }),
    departmentsOfStaff: new DataLoader<string, IDepartment[]>(async (userIds) => {
      if (!tenantId) return none(userIds);
      const byUser = await services.departments.sharedDepartmentsOfStaff(tenantId, userIds);
      return userIds.map((id) => byUser.get(id) ?? []);
    }),
    department: byId(tenantId, (ids) => services.em.find(Department, { tenantId: tenantId!, id: { $in: ids } })),
    status: byId(tenantId, (ids) => services.em.find(TicketStatus, { tenantId: tenantId!, id: { $in: ids } })),
    customer: byId(tenantId, (ids) => services.em.find(Customer, { tenantId: tenantId!, id: { $in: ids } })),
    contact: byId(tenantId, (ids) => services.em.find(Contact, { tenantId: tenantId!, id: { $in: ids } })),
    ticket: byId(tenantId, (ids) => services.em.find(Ticket, { tenantId: tenantId!, id: { $in: ids } })),
    /** Staff as shown on tickets: any staff member of the tenant (name only). */
    staffRef: byId(tenantId, (ids) =>
      services.em.find(User, { tenantId: tenantId!, id: { $in: ids }, kind: { $in: ['admin', 'agent'] } }, { fields: ['id', 'name'] }),
    ),
    contactsOfCustomer: new DataLoader<string, IContact[]>(async (customerIds) => {
      if (!tenantId) return none(customerIds);
      const byCustomer = await services.customers.contactsOf(tenantId, customerIds);
      return customerIds.map((id) => byCustomer.get(id) ?? []);
    }),
    messagesOfTicket: new DataLoader<string, IMessage[]>(async (ticketIds) => {
      if (!tenantId) return none(ticketIds);
      const byTicket = await services.messages.ofTickets(tenantId, ticketIds);
      return ticketIds.map((id) => byTicket.get(id) ?? []);
    }),
    attachmentsOfMessage: new DataLoader<string, AttachmentRow[]>(async (messageIds) => {
      if (!tenantId) return none(messageIds);
      const byMessage = await services.messages.attachmentsOf(tenantId, messageIds);
      return messageIds.map((id) => byMessage.get(id) ?? []);
    }),
    watchersOfTicket: grouped(
      tenantId,
      (ids) => services.em.find(TicketWatcher, { tenantId: tenantId!, ticketId: { $in: ids } }),
      (row) => row.ticketId,
      (row) => row.userId,
    ),
    customersOfTicket: grouped(
      tenantId,
      (ids) => services.em.find(TicketCustomer, { tenantId: tenantId!, ticketId: { $in: ids } }),
      (row) => row.ticketId,
      (row) => row.customerId,
    ),
    /** Ratings of tickets the operation already found visible (the parent ticket was checked). */
    ratingOfTicket: new DataLoader<string, TicketRatingRow | null>(async (ticketIds) => {
      if (!tenantId) return ticketIds.map(() => null);
      const ratings = await services.ratings.ofTickets(tenantId, ticketIds);
      return ticketIds.map((id) => ratings.get(id) ?? null);
    }),
    timeTotals: new DataLoader<string, { total: number; unbilled: number }>(async (ticketIds) => {
      if (!tenantId) return ticketIds.map(() => ({ total: 0, unbilled: 0 }));
      const totals = await services.time.totals(tenantId, ticketIds);
      return ticketIds.map((id) => totals.get(id) ?? { total: 0, unbilled: 0 });
    }),
    mailboxState: new DataLoader<string, MailboxState | undefined>(async (mailboxIds) => {
      if (!tenantId) return mailboxIds.map(() => undefined);
      const states = await services.mailboxes.states(tenantId, mailboxIds);
      return mailboxIds.map((id) => states.get(id));
    }),
    historyOfTicket: new DataLoader<string, ITicketHistory[]>(async (ticketIds) => {
      if (!tenantId) return none(ticketIds);
      const rows = await services.em.find(TicketHistory, { tenantId, ticketId: { $in: [...ticketIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
      return ticketIds.map((id) => rows.filter((row) => row.ticketId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

/** A loader of tenant rows by id; ids of other tenants or unknown ids load as null. */
function byId<T extends { id: string }>(tenantId: string | null, find: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    if (!tenantId) return ids.map(() => null);
    const rows = await find([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** A loader of the ids related to each key through a link table. */
function grouped<R>(
  tenantId: string | null,
  find: (ids: string[]) => Promise<R[]>,
  key: (row: R) => string,
  value: (row: R) => string,
): DataLoader<string, string[]> {
  return new DataLoader<string, string[]>(async (ids) => {
    if (!tenantId) return ids.map(() => []);
    const rows = await find([...ids]);
    return ids.map((id) => rows.filter((row) => key(row) === id).map(value));
  });
}
