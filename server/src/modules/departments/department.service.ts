import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, forbidden, notFound } from '../../graphql/errors.js';
import type { TresenPubSub } from '../../realtime/pubsub.js';
import type { DepartmentChangedEvent } from '../../realtime/topics.js';
import type { StaffViewer, Viewer } from '../auth/viewer.js';
import { User } from '../users/user.entity.js';
import { Department, DepartmentMember, type IDepartment } from './department.entity.js';
import { validateDepartmentName } from './department.rules.js';
import { isUuid } from '../../shared/ids.js';
import { sql } from '../../infra/sql.js';

export interface DepartmentCreate {
  name: string;
  isPublic: boolean;
}
export interface DepartmentPatch {
  id: string;
  name?: string | null | undefined;
  isPublic?: boolean | null | undefined;
  portalPriority?: boolean | null | undefined;
  ratingMailEnabled?: boolean | null | undefined;
}

/**
 * Departments and who may see them. The visibility rule lives in {@link DepartmentService.visibleFilter}
 * and is applied inside the database query for every path (list, by id, events):
 * - a private department: its owner only — not other agents, not admins, not tokens;
 * - a shared department: admins and partner tokens of the tenant, and agents given access;
 * - customers: public shared departments only.
 */
export class DepartmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: TresenPubSub,
  ) {}

  /** The WHERE clause for the departments this viewer may see. */
  async visibleFilter(viewer: Viewer) {
    if (viewer.type === 'anonymous') throw forbidden();
    const tenantId = viewer.tenantId;
    if (viewer.type === 'token') return { tenantId, ownerId: null };
    if (viewer.type === 'contact') return { tenantId, ownerId: null, isPublic: true };
    switch (viewer.kind) {
      case 'admin':
        return { tenantId, $or: [{ ownerId: null }, { ownerId: viewer.userId }] };
      case 'agent': {
        const memberOf = await this.memberDepartmentIds(tenantId, viewer.userId);
        return { tenantId, $or: [{ ownerId: viewer.userId }, { ownerId: null, id: { $in: memberOf } }] };
      }
      case 'customer':
        return { tenantId, ownerId: null, isPublic: true };
    }
  }

  /**
   * visibleFilter's rule as an SQL condition on a `departments` row aliased `d`, for hot paths that
   * answer in one statement (the live timer's periodic re-check). Same rule, tested against it.
   */
  visibleSql(viewer: Viewer): { text: string; params: unknown[] } {
    if (viewer.type === 'anonymous') throw forbidden();
    const tenantId = viewer.tenantId;
    if (viewer.type === 'token') return { text: 'd.tenant_id = ? and d.owner_id is null', params: [tenantId] };
    if (viewer.type === 'contact') return { text: 'd.tenant_id = ? and d.owner_id is null and d.is_public', params: [tenantId] };
    switch (viewer.kind) {
      case 'admin':
        return { text: 'd.tenant_id = ? and (d.owner_id is null or d.owner_id = ?)', params: [tenantId, viewer.userId] };
      case 'agent':
        return {
          text: `d.tenant_id = ? and (d.owner_id = ? or (d.owner_id is null and exists (
                   select 1 from department_members m where m.tenant_id = d.tenant_id and m.department_id = d.id and m.user_id = ?)))`,
          params: [tenantId, viewer.userId, viewer.userId],
        };
      case 'customer':
        return { text: 'd.tenant_id = ? and d.owner_id is null and d.is_public', params: [tenantId] };
    }
  }

  /** The ids of the departments the viewer may see: visibleSql in one statement, without loading entities (per-event checks, lists). */
  async visibleIds(viewer: Viewer): Promise<string[]> {
    const rule = this.visibleSql(viewer);
    return (await sql<{ id: string }>(this.em, `select d.id from departments d where ${rule.text}`, rule.params)).map((row) => row.id);
  }

  async list(viewer: Viewer): Promise<IDepartment[]> {
    const where = await this.visibleFilter(viewer);
    const departments = await this.em.find(Department, where, { orderBy: { name: 'asc' } });
    // The viewer's own private department first, then the shared ones by name.
    return departments.sort((a, b) => Number(b.ownerId !== null) - Number(a.ownerId !== null));
  }

  /** A department the viewer may see, or null: a department out of reach is indistinguishable from none. */
  async findVisible(viewer: Viewer, id: string): Promise<IDepartment | null> {
    if (!isUuid(id)) return null;
    const where = await this.visibleFilter(viewer);
    return this.em.findOne(Department, { $and: [where, { id }] });
  }

  async create(viewer: StaffViewer, input: DepartmentCreate): Promise<IDepartment> {
    const name = validateDepartmentName(input.name);
    await this.assertNameFree(viewer.tenantId, name);
    const department = this.em.create(Department, { tenantId: viewer.tenantId, name, isPublic: input.isPublic, ownerId: null });
    await this.em.flush();
    await this.publish(viewer.tenantId, 'CREATED', department);
    return department;
  }

  async update(viewer: StaffViewer, patch: DepartmentPatch): Promise<IDepartment> {
    const department = await this.findEditable(viewer, patch.id);
    if (patch.name !== undefined && patch.name !== null) {
      const name = validateDepartmentName(patch.name);
      if (name.toLowerCase() !== department.name.toLowerCase()) await this.assertNameFree(viewer.tenantId, name);
      department.name = name;
    }
    if (patch.isPublic !== undefined && patch.isPublic !== null) {
      if (patch.isPublic && department.ownerId !== null) throw new DomainError(ErrorCode.BadUserInput, 'A private department cannot be public.', 'isPublic');
      department.isPublic = patch.isPublic;
    }
    if (patch.portalPriority !== undefined && patch.portalPriority !== null) department.portalPriority = patch.portalPriority;
    if (patch.ratingMailEnabled !== undefined && patch.ratingMailEnabled !== null) department.ratingMailEnabled = patch.ratingMailEnabled;
    await this.em.flush();
    await this.publish(viewer.tenantId, 'UPDATED', department);
    return department;
  }

  async delete(viewer: StaffViewer, id: string): Promise<string> {
    const department = await this.findEditable(viewer, id);
    if (department.ownerId !== null)
      throw new DomainError(ErrorCode.BadUserInput, 'A private department belongs to its staff member and cannot be deleted.', 'id');
    const memberIds = await this.memberIds(department);
    this.em.remove(department);
    await this.em.flush();
    await this.pubSub.publish('departmentChanged', viewer.tenantId, { kind: 'DELETED', departmentId: department.id, ownerId: null, memberIds });
    return department.id;
  }

  /**
   * Stages which shared departments an agent may work in (replacing the previous set) in the unit of
   * work; the caller flushes, then publishes the returned events so consoles refresh.
   */
  async stageMemberships(tenantId: string, userId: string, departmentIds: readonly string[]): Promise<DepartmentChangedEvent[]> {
    const unique = [...new Set(departmentIds)];
    if (unique.some((id) => !isUuid(id))) throw fieldError('departmentIds', 'Unknown department.');
    const shared = unique.length === 0 ? [] : await this.em.find(Department, { tenantId, ownerId: null, id: { $in: unique } });
    if (shared.length !== unique.length) throw fieldError('departmentIds', 'Unknown department.');
    const current = await this.em.find(DepartmentMember, { tenantId, userId });
    const changed: string[] = [];
    for (const row of current) {
      if (!unique.includes(row.departmentId)) {
        this.em.remove(row);
        changed.push(row.departmentId);
      }
    }
    for (const departmentId of unique) {
      if (!current.some((row) => row.departmentId === departmentId)) {
        this.em.create(DepartmentMember, { tenantId, userId, departmentId });
        changed.push(departmentId);
      }
    }
    return changed.map((departmentId) => ({ kind: 'UPDATED', departmentId, ownerId: null, memberIds: [userId] }));
  }

  /** Stages the staff member's own private department; the caller flushes and publishes the event. */
  stagePrivateDepartment(tenantId: string, owner: { id: string; name: string }): { department: IDepartment; event: DepartmentChangedEvent } {
    const department = this.em.create(Department, { id: randomUUID(), tenantId, ownerId: owner.id, name: owner.name, isPublic: false });
    return { department, event: { kind: 'CREATED', departmentId: department.id, ownerId: owner.id, memberIds: [] } };
  }

  /** Publishes staged events after their changes were committed. */
  async publishAll(tenantId: string, events: readonly DepartmentChangedEvent[]): Promise<void> {
    for (const event of events) await this.pubSub.publish('departmentChanged', tenantId, event);
  }

  /**
   * Shared departments each staff member works in, for many at once (two queries): admins have all
   * shared departments, agents those they were given. Private departments are never included.
   */
  async sharedDepartmentsOfStaff(tenantId: string, userIds: readonly string[]): Promise<Map<string, IDepartment[]>> {
    const result = new Map<string, IDepartment[]>(userIds.map((id) => [id, []]));
    const shared = await this.em.find(Department, { tenantId, ownerId: null }, { orderBy: { name: 'asc' } });
    const users = await this.em.find(User, { tenantId, id: { $in: [...userIds] } }, { fields: ['id', 'kind'] });
    const members = await this.em.find(DepartmentMember, { tenantId, userId: { $in: [...userIds] } });
    for (const user of users) {
      const mine = user.kind === 'admin' ? shared : shared.filter((d) => members.some((m) => m.userId === user.id && m.departmentId === d.id));
      result.set(user.id, mine);
    }
    return result;
  }

  async memberDepartmentIds(tenantId: string, userId: string): Promise<string[]> {
    const rows = await this.em.find(DepartmentMember, { tenantId, userId }, { fields: ['departmentId'] });
    return rows.map((row) => row.departmentId);
  }

  /** Whether a departmentChanged event may reach this viewer (checked per receiver, per event). */
  async mayReceive(viewer: Viewer, tenantId: string, event: DepartmentChangedEvent): Promise<boolean> {
    if (viewer.type === 'anonymous' || viewer.tenantId !== tenantId) return false;
    if (event.ownerId !== null) return viewer.type === 'user' && viewer.userId === event.ownerId;
    if (event.kind === 'DELETED') {
      if (viewer.type === 'token') return true;
      if (viewer.type === 'contact') return false;
      if (viewer.kind === 'admin') return true;
      return viewer.kind === 'agent' && event.memberIds.includes(viewer.userId);
    }
    return (await this.findVisible(viewer, event.departmentId)) !== null;
  }

  private async findEditable(viewer: StaffViewer, id: string): Promise<IDepartment> {
    const department = await this.findVisible(viewer, id);
    if (!department) throw notFound('Department');
    return department;
  }

  private async assertNameFree(tenantId: string, name: string): Promise<void> {
    const clash = await this.em
      .getConnection()
      .execute<{ id: string }[]>('select id from departments where tenant_id = ? and owner_id is null and lower(name) = lower(?) limit 1', [tenantId, name]);
    if (clash.length > 0) throw new DomainError(ErrorCode.Conflict, `A department named "${name}" already exists.`, 'name');
  }

  private async memberIds(department: IDepartment): Promise<string[]> {
    const rows = await this.em.find(DepartmentMember, { tenantId: department.tenantId, departmentId: department.id }, { fields: ['userId'] });
    return rows.map((row) => row.userId);
  }

  private async publish(tenantId: string, kind: DepartmentChangedEvent['kind'], department: IDepartment): Promise<void> {
    const memberIds = department.ownerId === null ? await this.memberIds(department) : [];
    await this.pubSub.publish('departmentChanged', tenantId, { kind, departmentId: department.id, ownerId: department.ownerId ?? null, memberIds });
  }
}
