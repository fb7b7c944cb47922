import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact, Customer } from '../customers/customer.entity.js';
import { Message } from '../messages/message.entity.js';
import { Ticket, TicketHistory, type ITicketStatus, type Priority } from '../tickets/ticket.entity.js';
import { User } from '../users/user.entity.js';

interface DemoTicket {
  subject: string;
  text: string;
  statusKey: string;
  priority: Priority;
  department: 0 | 1;
  customer: 0 | 1;
  hoursAgo: number;
}

const CUSTOMERS = [
  { name: 'Bäckerei Sonnenschein GmbH', contact: { name: 'Marta Sonnenschein', email: 'marta@sonnenschein.example' } },
  { name: 'Kanzlei Berger & Partner', contact: { name: 'Jonas Berger', email: 'j.berger@berger-partner.example' } },
];

const TICKETS: DemoTicket[] = [
  {
    subject: 'Kassensystem startet nicht',
    text: 'Seit heute morgen bleibt die Kasse beim Start hängen. Bitte dringend melden!',
    statusKey: 'new',
    priority: 3,
    department: 0,
    customer: 0,
    hoursAgo: 1,
  },
  {
    subject: 'Rechnung März doppelt gebucht',
    text: 'Die Rechnung vom März wurde zweimal abgebucht. Können Sie das prüfen?',
    statusKey: 'open',
    priority: 2,
    department: 0,
    customer: 1,
    hoursAgo: 5,
  },
  {
    subject: 'Angebot für zwei weitere Arbeitsplätze',
    text: 'Wir brauchen zwei weitere Lizenzen ab nächstem Monat. Bitte um ein Angebot.',
    statusKey: 'waiting',
    priority: 1,
    department: 1,
    customer: 1,
    hoursAgo: 26,
  },
  {
    subject: 'Drucker im Büro druckt leere Seiten',
    text: 'Der Drucker im ersten Stock gibt nur leere Seiten aus.',
    statusKey: 'closed',
    priority: 0,
    department: 0,
    customer: 0,
    hoursAgo: 72,
  },
];

/** A few customers and tickets so a first start shows a working inbox. Staged; the caller flushes. */
export function stageDemoTickets(
  em: EntityManager,
  tenantId: string,
  departmentIds: readonly [string, string],
  statuses: readonly ITicketStatus[],
  portalLogin: { email: string; passwordHash: string } | null = null,
): void {
  const customers = CUSTOMERS.map((c, i) => {
    const customer = em.create(Customer, { id: randomUUID(), tenantId, number: `K-${String(i + 1).padStart(6, '0')}`, name: c.name, isCompany: true });
    // The demo contact whose address is the portal login signs in to the customer portal.
    const user =
      portalLogin?.email === c.contact.email
        ? em.create(User, {
            id: randomUUID(),
            tenantId,
            kind: 'customer',
            email: c.contact.email,
            name: c.contact.name,
            passwordHash: portalLogin.passwordHash,
            active: true,
          })
        : null;
    const contact = em.create(Contact, { id: randomUUID(), tenantId, customerId: customer.id, ...c.contact, userId: user?.id ?? null });
    return { customer, contact };
  });
  TICKETS.forEach((demo, i) => {
    const status = statuses.find((s) => s.key === demo.statusKey) ?? statuses[0]!;
    const at = new Date(Date.now() - demo.hoursAgo * 3600_000);
    const { customer, contact } = customers[demo.customer]!;
    const ticket = em.create(Ticket, {
      id: randomUUID(),
      tenantId,
      number: i + 1,
      subject: demo.subject,
      statusId: status.id,
      statusCategory: status.category,
      priority: demo.priority,
      departmentId: departmentIds[demo.department],
      channel: 'mail',
      customerId: customer.id,
      contactId: contact.id,
      customerName: customer.name,
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
      lastCustomerActivityAt: at,
    });
    em.create(Message, {
      tenantId,
      ticketId: ticket.id,
      kind: 'inbound',
      fromAddress: contact.email,
      toAddresses: ['support@demo.tresen.local'],
      bodyText: demo.text,
      createdAt: at,
    });
    em.create(TicketHistory, {
      tenantId,
      ticketId: ticket.id,
      actorUserId: null,
      actorLabel: 'Demo',
      at,
      field: 'created',
      oldValue: null,
      newValue: `#${i + 1}`,
    });
  });
}

/** How many demo tickets and customers exist, for the tenant counters. */
export const DEMO_COUNTS = { tickets: TICKETS.length, customers: CUSTOMERS.length };
