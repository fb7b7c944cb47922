import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../infra/sql.js';
import { queueAutomaticMail } from '../mail/smtp/auto-reply.js';
import { fillPlaceholders } from '../mail/smtp/compose.js';
import type { Outbox } from '../mail/smtp/outbox.js';
import type { MessageIdSigner } from '../mail/threading/message-ids.js';
import type { TicketLinkSigner } from './ticket-links.js';

const REQUEST = {
  subject: 'Wie zufrieden waren Sie? / How did we do? {{ticketSubject}}',
  text: [
    'Hallo {{contactName}},',
    '',
    'Ihr Ticket {{ticketNumber}} wurde abgeschlossen. Wie zufrieden waren Sie?',
    'Gut: {{goodLink}}',
    'Nicht gut: {{badLink}}',
    '',
    'Hello {{contactName}}, your ticket {{ticketNumber}} was closed. How did we do?',
    'Good: {{goodLink}}',
    'Not good: {{badLink}}',
  ].join('\n'),
};

/**
 * The rating request a department can send when one of its tickets is closed: at most once per
 * ticket (tickets.rating_mail_at, set atomically), to the ticket's contact, marked automatic and
 * counted against the per-recipient hourly limit of automatic mail. Its two links open the ticket
 * in the portal with the rating chosen.
 */
export class RatingRequests {
  constructor(
    private readonly signer: MessageIdSigner,
    private readonly outbox: Outbox,
    private readonly links: TicketLinkSigner,
    private readonly publicUrl: string,
  ) {}

  /** Queues the request in the caller's transaction when the department wants one and none went out yet. */
  async queue(em: EntityManager, tenantId: string, ticketId: string): Promise<void> {
    const [row] = await sql<{
      number: number;
      subject: string;
      portal_link_version: number;
      email: string;
      contact_name: string;
      customer_name: string | null;
      mailbox_id: string;
      address: string;
      signature: string;
      department: string;
    }>(
      em,
      `with target as (
         select t.id, t.number, t.subject, t.portal_link_version, k.email, k.name as contact_name, t.customer_name,
                m.id as mailbox_id, m.address, m.signature, d.name as department
           from tickets t
           join departments d on d.tenant_id = t.tenant_id and d.id = t.department_id
           join contacts k on k.tenant_id = t.tenant_id and k.id = t.contact_id
           cross join lateral (select m.id, m.address, m.signature from mailboxes m
                  where m.tenant_id = t.tenant_id and m.department_id = t.department_id and m.smtp_enabled order by m.created_at limit 1) m
          where t.tenant_id = ? and t.id = ? and t.rating_mail_at is null and t.status_category = 'closed'
            and d.rating_mail_enabled and d.owner_id is null
            and not exists (select 1 from mailboxes own where own.tenant_id = t.tenant_id and own.address = k.email)
          for update of t)
       update tickets u set rating_mail_at = now() from target where u.tenant_id = ? and u.id = target.id
       returning target.number, target.subject, target.portal_link_version, target.email, target.contact_name, target.customer_name,
         target.mailbox_id, target.address, target.signature, target.department`,
      [tenantId, ticketId, tenantId],
    );
    if (!row) return;
    const values = {
      customerName: row.customer_name ?? '',
      contactName: row.contact_name,
      ticketNumber: String(row.number),
      ticketSubject: row.subject,
      agentName: '',
      department: row.department,
      expectedDate: '',
    };
    const link = this.links.url(this.publicUrl, tenantId, ticketId, row.portal_link_version);
    await queueAutomaticMail(em, this.signer, this.outbox, {
      tenantId,
      mailboxId: row.mailbox_id,
      address: row.address,
      signature: fillPlaceholders(row.signature, values),
      ticket: { id: ticketId, number: row.number },
      to: row.email,
      subject: fillPlaceholders(REQUEST.subject, values),
      text: fillPlaceholders(REQUEST.text, values).replaceAll('{{goodLink}}', `${link}?rate=good`).replaceAll('{{badLink}}', `${link}?rate=bad`),
    });
  }
}
