import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../../graphql/errors.js';
import { isUuid } from '../../../shared/ids.js';
import { requireText } from '../../../shared/text.js';
import type { StaffViewer } from '../../auth/viewer.js';
import type { TicketQueryService } from '../../tickets/ticket-query.service.js';
import { CannedReply, type ICannedReply } from './canned-reply.entity.js';

export interface CannedReplyFields {
  departmentId?: string | null;
  category?: string | null;
  title?: string | null;
  body?: string | null;
}

export interface CannedReplyFilter {
  departmentId?: string | null;
  category?: string | null;
  search?: string | null;
}

const TITLE_MAX = 200;
const CATEGORY_MAX = 100;
const BODY_MAX = 50_000;
const LIST_MAX = 500;

/**
 * Canned replies: admins manage all of their tenant's (global and per department they may see);
 * everyone else uses the global ones and those of the departments they may see.
 */
export class CannedReplyService {
  constructor(
    private readonly em: EntityManager,
    private readonly query: TicketQueryService,
  ) {}

  async list(viewer: StaffViewer, filter: CannedReplyFilter = {}): Promise<ICannedReply[]> {
    const visible = await this.query.visibleDepartmentIds(viewer);
    let departments: (string | null)[] = [null, ...visible];
    if (filter.departmentId) departments = isUuid(filter.departmentId) && visible.includes(filter.departmentId) ? [null, filter.departmentId] : [null];
    const where: Record<string, unknown> = { tenantId: viewer.tenantId, $or: [{ departmentId: null }, { departmentId: { $in: departments.filter(Boolean) } }] };
    if (filter.category) where['category'] = filter.category;
    const search = filter.search?.trim().slice(0, 200);
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where['$and'] = [{ $or: [{ title: { $ilike: like } }, { body: { $ilike: like } }, { category: { $ilike: like } }] }];
    }
    return this.em.find(CannedReply, where, { orderBy: { category: 'asc', title: 'asc' }, limit: LIST_MAX });
  }

  /** A canned reply the viewer may use for a ticket of `departmentId`. */
  async usable(viewer: StaffViewer, id: string, departmentId: string): Promise<ICannedReply> {
    const reply = await this.find(viewer, id);
    if (!reply || (reply.departmentId !== null && reply.departmentId !== departmentId))
      throw new DomainError(ErrorCode.NotFound, 'Canned reply not found.', 'cannedReplyId');
    return reply;
  }

  async find(viewer: StaffViewer, id: string): Promise<ICannedReply | null> {
    if (!isUuid(id)) return null;
    const reply = await this.em.findOne(CannedReply, { tenantId: viewer.tenantId, id });
    if (!reply) return null;
    if (reply.departmentId && !(await this.query.visibleDepartmentIds(viewer)).includes(reply.departmentId)) return null;
    return reply;
  }

  async create(viewer: StaffViewer, input: CannedReplyFields): Promise<ICannedReply> {
    const fields = await this.validate(viewer, input, null);
    await this.assertTitleFree(viewer.tenantId, fields.departmentId, fields.title, null);
    const now = new Date();
    const reply = this.em.create(CannedReply, { tenantId: viewer.tenantId, ...fields, createdAt: now, updatedAt: now });
    await this.em.flush();
    return reply;
  }

  async update(viewer: StaffViewer, id: string, version: number, input: CannedReplyFields): Promise<ICannedReply> {
    const reply = await this.find(viewer, id);
    if (!reply) throw notFound('Canned reply');
    if (reply.version !== version)
      throw new DomainError(ErrorCode.Conflict, 'Someone else changed this canned reply meanwhile. Reload it and try again.', 'version');
    const fields = await this.validate(viewer, input, reply);
    await this.assertTitleFree(viewer.tenantId, fields.departmentId, fields.title, reply.id);
    Object.assign(reply, fields, { updatedAt: new Date() });
    await this.em.flush();
    return reply;
  }

  async delete(viewer: StaffViewer, id: string): Promise<string> {
    const reply = await this.find(viewer, id);
    if (!reply) throw notFound('Canned reply');
    this.em.remove(reply);
    await this.em.flush();
    return id;
  }

  private async validate(viewer: StaffViewer, input: CannedReplyFields, current: ICannedReply | null) {
    const departmentId = input.departmentId !== undefined ? input.departmentId : (current?.departmentId ?? null);
    if (departmentId !== null && (!isUuid(departmentId) || !(await this.query.visibleDepartmentIds(viewer)).includes(departmentId)))
      throw new DomainError(ErrorCode.NotFound, 'Department not found.', 'departmentId');
    const title = requireText(input.title ?? current?.title ?? '', 'title', TITLE_MAX, 'title');
    const categoryRaw = (input.category ?? current?.category ?? '').trim();
    const category = categoryRaw === '' ? '' : requireText(categoryRaw, 'category', CATEGORY_MAX, 'category');
    const body = (input.body ?? current?.body ?? '').replaceAll('\u0000', '').trimEnd();
    if (body.trim() === '') throw fieldError('body', 'The text must not be empty.');
    if (body.length > BODY_MAX) throw fieldError('body', `The text must be at most ${BODY_MAX} characters long.`);
    return { departmentId, title, category, body };
  }

  private async assertTitleFree(tenantId: string, departmentId: string | null, title: string, exceptId: string | null): Promise<void> {
    const same = await this.em.find(CannedReply, { tenantId, departmentId });
    if (same.some((r) => r.id !== exceptId && r.title.toLowerCase() === title.toLowerCase()))
      throw new DomainError(ErrorCode.Conflict, `A canned reply called "${title}" exists already here.`, 'title');
  }
}
