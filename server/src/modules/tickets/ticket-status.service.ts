import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import { TicketStatus, type ITicketStatus, type StatusCategory } from './ticket.entity.js';

const LABEL_MAX = 60;

/** Statuses admins add next to the system ones; system statuses keep their key and category. */
export class TicketStatusService {
  constructor(private readonly em: EntityManager) {}

  async create(tenantId: string, input: { labelDe: string; labelEn: string; category: StatusCategory }): Promise<ITicketStatus> {
    const labelDe = label(input.labelDe, 'labelDe');
    const labelEn = label(input.labelEn, 'labelEn');
    const key = `custom_${
      labelEn
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '')
        .slice(0, 40) || randomUUID().slice(0, 8)
    }`;
    if ((await this.em.count(TicketStatus, { tenantId, key })) > 0)
      throw new DomainError(ErrorCode.Conflict, 'A status with this English label already exists.', 'labelEn');
    const last = await this.em.findOne(TicketStatus, { tenantId }, { orderBy: { position: 'desc' } });
    const status = this.em.create(TicketStatus, {
      id: randomUUID(),
      tenantId,
      key,
      category: input.category,
      labelDe,
      labelEn,
      isSystem: false,
      position: (last?.position ?? 0) + 1,
    });
    await this.em.flush();
    return status;
  }

  /** Relabels a status; only added statuses may change their category (tickets follow at once). */
  async update(
    tenantId: string,
    input: { id: string; labelDe?: string | null; labelEn?: string | null; category?: StatusCategory | null },
  ): Promise<ITicketStatus> {
    const status = isUuid(input.id) ? await this.em.findOne(TicketStatus, { tenantId, id: input.id }) : null;
    if (!status) throw notFound('Status');
    if (input.labelDe != null) status.labelDe = label(input.labelDe, 'labelDe');
    if (input.labelEn != null) status.labelEn = label(input.labelEn, 'labelEn');
    if (input.category != null && input.category !== status.category) {
      if (status.isSystem) throw fieldError('category', 'The category of a system status cannot change.');
      status.category = input.category;
      await this.em.flush();
      await this.em
        .getConnection()
        .execute('update tickets set status_category = ? where tenant_id = ? and status_id = ?', [input.category, tenantId, status.id]);
      return status;
    }
    await this.em.flush();
    return status;
  }
}

function label(raw: string, field: string): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > LABEL_MAX) throw fieldError(field, `The label must be 1 to ${LABEL_MAX} characters long.`);
  return value;
}
