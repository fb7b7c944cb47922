import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { ContactViewer, StaffViewer } from '../auth/viewer.js';
import type { TicketQueryService } from '../tickets/ticket-query.service.js';
import { safeContentType, safeFilename } from './safe-filename.js';

export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Attachments a message may carry at most. */
export const ATTACHMENTS_PER_MESSAGE = 20;

/**
 * Attachment files. Content is stored once per tenant and SHA-256 (attachment_blobs); each use is
 * a row in attachments with a safe name. An upload is pending (no message) until a note or reply
 * takes it; only its uploader may attach it.
 */
export class AttachmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: TicketQueryService,
    private readonly maxBytes: number,
  ) {}

  async upload(viewer: StaffViewer, rawName: string, rawType: string | undefined, data: Buffer): Promise<StoredAttachment> {
    if (viewer.type !== 'user') throw new DomainError(ErrorCode.Forbidden, 'Uploads need a signed-in staff member.');
    return this.store(viewer.tenantId, viewer.userId, rawName, rawType, data);
  }

  /** A portal upload: pending until the contact's reply or new ticket takes it; an admin's read-only view cannot upload. */
  async uploadAsContact(viewer: ContactViewer, rawName: string, rawType: string | undefined, data: Buffer): Promise<StoredAttachment> {
    if (viewer.actingUserId !== null) throw new DomainError(ErrorCode.Forbidden, 'This is a read-only view as the customer.');
    return this.store(viewer.tenantId, viewer.userId, rawName, rawType, data);
  }

  private async store(tenantId: string, uploaderId: string, rawName: string, rawType: string | undefined, data: Buffer): Promise<StoredAttachment> {
    if (data.length === 0) throw fieldError('file', 'The file is empty.');
    if (data.length > this.maxBytes)
      throw new DomainError(ErrorCode.BadUserInput, `The file is larger than ${Math.floor(this.maxBytes / 1024 / 1024)} MiB.`, 'file');
    const sha256 = createHash('sha256').update(data).digest('hex');
    const filename = safeFilename(rawName);
    const contentType = safeContentType(rawType);
    const connection = this.em.getConnection();
    await connection.execute(
      'insert into attachment_blobs (tenant_id, sha256, size, data, created_at) values (?, ?, ?, ?, now()) on conflict (tenant_id, sha256) do nothing',
      [tenantId, sha256, data.length, data],
    );
    const id = randomUUID();
    await connection.execute(
      'insert into attachments (id, tenant_id, message_id, sha256, filename, content_type, size, uploaded_by_id, created_at) values (?, ?, null, ?, ?, ?, ?, ?, now())',
      [id, tenantId, sha256, filename, contentType, data.length, uploaderId],
    );
    return { id, filename, contentType, size: data.length };
  }

  /** Checks that the uploads exist, are pending and are the viewer's own (before anything is written). */
  async assertAttachable(viewer: StaffViewer, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    if (unique.length > ATTACHMENTS_PER_MESSAGE) throw fieldError('attachmentIds', `At most ${ATTACHMENTS_PER_MESSAGE} attachments per message.`);
    if (viewer.type !== 'user' || unique.some((id) => !isUuid(id))) throw fieldError('attachmentIds', 'Unknown attachment.');
    const rows = await this.em
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from attachments where tenant_id = ? and id in (${unique.map(() => '?').join(', ')}) and message_id is null and uploaded_by_id = ?`,
        [viewer.tenantId, ...unique, viewer.userId],
      );
    if (rows.length !== unique.length) throw fieldError('attachmentIds', 'Unknown attachment, or it belongs to another message.');
    return unique;
  }

  /** A file for download, if the viewer may see the ticket its message belongs to. */
  async download(viewer: StaffViewer, id: string): Promise<(StoredAttachment & { data: Buffer }) | null> {
    if (!isUuid(id)) return null;
    const rows = await this.em
      .getConnection()
      .execute<{ id: string; filename: string; content_type: string; size: number; data: Buffer; ticket_id: string | null; uploaded_by_id: string | null }[]>(
        `select a.id, a.filename, a.content_type, a.size, b.data, m.ticket_id, a.uploaded_by_id
         from attachments a join attachment_blobs b on b.tenant_id = a.tenant_id and b.sha256 = a.sha256
         left join messages m on m.tenant_id = a.tenant_id and m.id = a.message_id
        where a.tenant_id = ? and a.id = ?`,
        [viewer.tenantId, id],
      );
    const row = rows[0];
    if (!row) return null;
    const mayRead = row.ticket_id
      ? (await this.tickets.findVisible(viewer, row.ticket_id)) !== null
      : viewer.type === 'user' && row.uploaded_by_id === viewer.userId;
    if (!mayRead) return null;
    return { id: row.id, filename: row.filename, contentType: row.content_type, size: row.size, data: row.data };
  }
}
