import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError } from '../../graphql/errors.js';
import { sql } from '../../infra/sql.js';
import type { TresenPubSub } from '../../realtime/pubsub.js';
import { isUuid } from '../../shared/ids.js';
import { ATTACHMENTS_PER_MESSAGE } from '../attachments/attachment.service.js';
import { safeContentType, safeFilename } from '../attachments/safe-filename.js';
import type { ContactViewer } from '../auth/viewer.js';
import { SenderContacts } from '../mail/import/sender-contact.js';
import { queueAutomaticMail } from '../mail/smtp/auto-reply.js';
import { fillPlaceholders } from '../mail/smtp/compose.js';
import type { Outbox } from '../mail/smtp/outbox.js';
import type { MessageIdSigner } from '../mail/threading/message-ids.js';
import { Message } from '../messages/message.entity.js';
import { Priority, Ticket, TicketHistory, TicketStatus } from '../tickets/ticket.entity.js';
import { nextTicketNumber } from '../tickets/ticket-numbers.js';
import { validateSubject, validateText } from '../tickets/ticket.rules.js';
import type { PortalAuthService } from './portal-auth.service.js';

/** A file sent along with a request (widget, contact form). */
export interface CustomerFile {
  name: string;
  contentType: string | undefined;
  data: Buffer;
}

/** What a customer asks for: a new ticket in a public department. */
export interface CustomerRequest {
  departmentId: string;
  subject: string;
  text: string;
  channel: 'portal' | 'widget';
  /** Files that come with the request (widget). */
  files?: readonly CustomerFile[];
  /** Uploads the contact made before (portal, POST /portal/attachments). */
  attachmentIds?: readonly string[];
  /** Only where the department lets customers choose it; otherwise normal. */
  priority?: Priority | null;
}

interface NewTicketFacts {
  tenantId: string;
  contactId: string;
  customerId: string;
  customerName: string;
  email: string;
  name: string;
  uploaderUserId: string | null;
}

/** The confirmation a customer gets for a ticket opened in the portal or the widget ({{...}} are placeholders). */
const CONFIRMATION = {
  subject: 'Ihre Anfrage / Your request: {{ticketSubject}}',
  text: [
    'Hallo {{contactName}},',
    '',
    'vielen Dank, wir haben Ihre Anfrage erhalten. Ihre Ticketnummer ist {{ticketNumber}}.',
    'Hier können Sie den Stand verfolgen und antworten: {{portalLink}}',
    '',
    'Hello {{contactName}}, thank you: we have received your request. Your ticket number is {{ticketNumber}}.',
    'Follow it and reply here: {{portalLink}}',
  ].join('\n'),
};

/**
 * Tickets that customers open themselves: in the portal (a signed-in contact) and through the
 * widget or contact form (a sender who is not signed in). Only public departments take them. The
 * ticket, its first message, its files and the confirmation mail are one transaction; the live
 * event follows the commit.
 */
export class CustomerTicketService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: TresenPubSub,
    private readonly signer: MessageIdSigner,
    private readonly outbox: Outbox | null,
    private readonly portalAuth: PortalAuthService,
    private readonly maxBytes: number,
  ) {}

  /**
   * Widget / contact form: the contact is found by e-mail or made (a new person customer), the same
   * way either way, so the answer never tells whether the address was known.
   */
  async openForSender(tenantId: string, sender: { email: string; name: string }, request: CustomerRequest): Promise<{ ticketId: string; number: number }> {
    const email = sender.email.trim().toLowerCase();
    if (!/^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}$/.test(email)) throw fieldError('email', 'Enter a valid e-mail address.');
    const name = sender.name
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .trim()
      .slice(0, 200);
    return this.open(request, async (em) => {
      const contacts = await SenderContacts.load(em, tenantId, [email]);
      const contact = contacts.ensure(email, name || email);
      await contacts.write(em);
      return { tenantId, ...contact, email, name: name || contact.customerName, uploaderUserId: null };
    });
  }

  /** Portal: a signed-in contact opens a ticket for their customer. */
  async openForContact(viewer: ContactViewer, request: CustomerRequest): Promise<{ ticketId: string; number: number }> {
    const [row] = await sql<{ email: string; name: string; customer_name: string }>(
      this.em,
      'select k.email, k.name, c.name as customer_name from contacts k join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id where k.tenant_id = ? and k.id = ?',
      [viewer.tenantId, viewer.contactId],
    );
    if (!row) throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in again.');
    return this.open(request, async () => ({
      tenantId: viewer.tenantId,
      contactId: viewer.contactId,
      customerId: viewer.customerId,
      customerName: row.customer_name,
      email: row.email,
      name: row.name,
      uploaderUserId: viewer.userId,
    }));
  }

  private async open(request: CustomerRequest, whoFor: (em: EntityManager) => Promise<NewTicketFacts>): Promise<{ ticketId: string; number: number }> {
    const subject = validateSubject(request.subject);
    const text = validateText(request.text);
    const files = this.checkedFiles(request.files ?? []);
    const uploads = [...new Set(request.attachmentIds ?? [])];
    if (files.length + uploads.length > ATTACHMENTS_PER_MESSAGE)
      throw fieldError('attachmentIds', `At most ${ATTACHMENTS_PER_MESSAGE} attachments per message.`);
    if (uploads.some((id) => !isUuid(id))) throw fieldError('attachmentIds', 'Unknown attachment.');
    if (!isUuid(request.departmentId)) throw fieldError('departmentId', 'Choose a department.');
    const created = await this.em.transactional(async (em) => {
      const facts = await whoFor(em);
      const [department] = await sql<{ id: string; portal_priority: boolean }>(
        em,
        'select id, portal_priority from departments where tenant_id = ? and id = ? and is_public and owner_id is null',
        [facts.tenantId, request.departmentId],
      );
      if (!department) throw fieldError('departmentId', 'This department does not take requests from customers.');
      const priority = department.portal_priority && request.priority !== null && request.priority !== undefined ? request.priority : Priority.Normal;
      const status = await em.findOneOrFail(TicketStatus, { tenantId: facts.tenantId, key: 'new' });
      const now = new Date();
      const number = await nextTicketNumber(em, facts.tenantId);
      const ticket = em.create(Ticket, {
        id: randomUUID(),
        tenantId: facts.tenantId,
        number,
        subject,
        statusId: status.id,
        statusCategory: status.category,
        priority,
        departmentId: department.id,
        channel: request.channel,
        customerId: facts.customerId,
        contactId: facts.contactId,
        customerName: facts.customerName,
        handlerId: null,
        createdAt: now,
        updatedAt: now,
        lastActivityAt: now,
        lastCustomerActivityAt: now,
        unread: true,
      });
      const messageId = randomUUID();
      em.create(Message, {
        id: messageId,
        tenantId: facts.tenantId,
        ticketId: ticket.id,
        kind: 'inbound',
        authorContactId: facts.contactId,
        fromAddress: facts.email,
        bodyText: text,
        createdAt: now,
      });
      em.create(TicketHistory, {
        tenantId: facts.tenantId,
        ticketId: ticket.id,
        actorUserId: facts.uploaderUserId,
        actorLabel: facts.uploaderUserId ? null : request.channel === 'widget' ? 'Web form' : 'Portal',
        at: now,
        field: 'created',
        oldValue: null,
        newValue: `#${number}`,
      });
      await em.flush();
      await this.attach(em, facts.tenantId, messageId, files, uploads, facts.uploaderUserId);
      await this.queueConfirmation(
        em,
        { tenantId: facts.tenantId, id: ticket.id, number, subject, departmentId: department.id, portalLinkVersion: 1, contactId: facts.contactId },
        facts,
      );
      return { ticketId: ticket.id, number, tenantId: facts.tenantId, departmentId: department.id, messageId };
    });
    await this.pubSub.publish('ticketChanged', created.tenantId, {
      kind: 'CREATED',
      ticketId: created.ticketId,
      departmentId: created.departmentId,
      previousDepartmentId: null,
    });
    await this.pubSub.publish('messageAdded', created.tenantId, {
      ticketId: created.ticketId,
      messageId: created.messageId,
      departmentId: created.departmentId,
    });
    return { ticketId: created.ticketId, number: created.number };
  }

  private checkedFiles(files: readonly CustomerFile[]): CustomerFile[] {
    for (const file of files) {
      if (file.data.length === 0) throw fieldError('file', 'The file is empty.');
      if (file.data.length > this.maxBytes) throw fieldError('file', `The file is larger than ${Math.floor(this.maxBytes / 1024 / 1024)} MiB.`);
    }
    return [...files];
  }

  /** Stores the request's files and takes the contact's earlier uploads, all onto the first message. */
  private async attach(em: EntityManager, tenantId: string, messageId: string, files: CustomerFile[], uploads: string[], uploaderUserId: string | null) {
    for (const file of files) {
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      await sql(
        em,
        'insert into attachment_blobs (tenant_id, sha256, size, data, created_at) values (?, ?, ?, ?, now()) on conflict (tenant_id, sha256) do nothing',
        [tenantId, sha256, file.data.length, file.data],
      );
      await sql(
        em,
        'insert into attachments (id, tenant_id, message_id, sha256, filename, content_type, size, uploaded_by_id, created_at) values (?, ?, ?, ?, ?, ?, ?, null, now())',
        [randomUUID(), tenantId, messageId, sha256, safeFilename(file.name), safeContentType(file.contentType), file.data.length],
      );
    }
    if (uploads.length === 0) return;
    if (!uploaderUserId) throw fieldError('attachmentIds', 'Unknown attachment.');
    const taken = await sql<{ id: string }>(
      em,
      `update attachments set message_id = ? where tenant_id = ? and id = any(?::uuid[]) and message_id is null and uploaded_by_id = ? returning id`,
      [messageId, tenantId, `{${uploads.join(',')}}`, uploaderUserId],
    );
    if (taken.length !== uploads.length) throw fieldError('attachmentIds', 'Unknown attachment, or it belongs to another message.');
  }

  /** The confirmation with the ticket number and a portal link, from the department's sending address (when it has one). */
  private async queueConfirmation(
    em: EntityManager,
    ticket: { tenantId: string; id: string; number: number; subject: string; departmentId: string; portalLinkVersion: number; contactId: string },
    facts: NewTicketFacts,
  ): Promise<void> {
    if (!this.outbox) return;
    const [mailbox] = await sql<{ id: string; address: string; signature: string; department: string }>(
      em,
      `select m.id, m.address, m.signature, d.name as department from mailboxes m join departments d on d.tenant_id = m.tenant_id and d.id = m.department_id
        where m.tenant_id = ? and m.department_id = ? and m.smtp_enabled order by m.created_at limit 1`,
      [ticket.tenantId, ticket.departmentId],
    );
    if (!mailbox) return;
    // Never to our own addresses: a form filled in with one must not start a loop.
    const own = await sql(em, 'select 1 from mailboxes where tenant_id = ? and address = ?', [ticket.tenantId, facts.email]);
    if (own.length > 0) return;
    const values = {
      customerName: facts.customerName,
      contactName: facts.name,
      ticketNumber: String(ticket.number),
      ticketSubject: ticket.subject,
      agentName: '',
      department: mailbox.department,
      expectedDate: '',
    };
    const link = this.portalAuth.ticketLink(ticket) ?? '';
    await queueAutomaticMail(em, this.signer, this.outbox, {
      tenantId: ticket.tenantId,
      mailboxId: mailbox.id,
      address: mailbox.address,
      signature: fillPlaceholders(mailbox.signature, values),
      ticket,
      to: facts.email,
      subject: fillPlaceholders(CONFIRMATION.subject, values),
      text: fillPlaceholders(CONFIRMATION.text, values).replaceAll('{{portalLink}}', link),
    });
  }
}
