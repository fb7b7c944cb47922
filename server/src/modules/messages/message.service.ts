import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../tickets/ticket.filter.js';
import { Message, type IMessage } from './message.entity.js';

export interface AttachmentRow {
  id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size: number;
}

/** Reading a ticket's thread. Callers have checked that the viewer may see the ticket. */
export class MessageService {
  constructor(private readonly em: EntityManager) {}

  async ofTickets(tenantId: string, ticketIds: readonly string[]): Promise<Map<string, IMessage[]>> {
    const result = new Map<string, IMessage[]>(ticketIds.map((id) => [id, []]));
    const messages = await this.em.find(Message, { tenantId, ticketId: { $in: [...ticketIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    for (const message of messages) result.get(message.ticketId)?.push(message);
    return result;
  }

  async byId(tenantId: string, id: string): Promise<IMessage | null> {
    return this.em.findOne(Message, { tenantId, id });
  }

  async attachmentsOf(tenantId: string, messageIds: readonly string[]): Promise<Map<string, AttachmentRow[]>> {
    const result = new Map<string, AttachmentRow[]>(messageIds.map((id) => [id, []]));
    if (messageIds.length === 0) return result;
    const rows = await this.em
      .getConnection()
      .execute<AttachmentRow[]>(
        'select id, message_id, filename, content_type, size from attachments where tenant_id = ? and message_id = any(?::uuid[]) order by filename',
        [tenantId, pgArray(messageIds)],
      );
    for (const row of rows) result.get(row.message_id)?.push(row);
    return result;
  }
}
