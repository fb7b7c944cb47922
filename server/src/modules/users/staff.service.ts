import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import { requireText } from '../../shared/text.js';
import type { AuthService } from '../auth/auth.service.js';
import { hashPassword, validateNewPassword } from '../auth/password.js';
import type { UserViewer } from '../auth/viewer.js';
import type { DepartmentService } from '../departments/department.service.js';
import type { UserGroupService } from './user-group.service.js';
import { User, UserKind, type IUser } from './user.entity.js';

export type StaffRole = typeof UserKind.Admin | typeof UserKind.Agent;

export interface StaffCreate {
  email: string;
  name: string;
  password: string;
  role: StaffRole;
  groupIds?: readonly string[] | null | undefined;
  departmentIds?: readonly string[] | null | undefined;
}

export interface StaffPatch {
  id: string;
  name?: string | null | undefined;
  role?: StaffRole | null | undefined;
  active?: boolean | null | undefined;
  groupIds?: readonly string[] | null | undefined;
  departmentIds?: readonly string[] | null | undefined;
  password?: string | null | undefined;
}

const NAME_MAX = 100;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Staff members (admins and agents) of a tenant. Every staff member gets a private department on creation. */
export class StaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly departments: DepartmentService,
    private readonly groups: UserGroupService,
    private readonly auth: AuthService,
  ) {}

  list(tenantId: string): Promise<IUser[]> {
    return this.em.find(User, { tenantId, kind: { $in: [UserKind.Admin, UserKind.Agent] } }, { orderBy: { name: 'asc' } });
  }

  async findById(tenantId: string, id: string): Promise<IUser | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(User, { tenantId, id, kind: { $in: [UserKind.Admin, UserKind.Agent] } });
  }

  /** Creates a staff member with their private department and memberships, committed together. */
  async create(tenantId: string, input: StaffCreate): Promise<IUser> {
    const email = validateEmail(input.email);
    const name = validateName(input.name);
    validateNewPassword(input.password);
    const taken = await this.em.count(User, { tenantId, email });
    if (taken > 0) throw new DomainError(ErrorCode.Conflict, 'A user with this e-mail address already exists.', 'email');
    const user = this.em.create(User, {
      id: randomUUID(),
      tenantId,
      kind: input.role,
      email,
      name,
      passwordHash: await hashPassword(input.password),
      active: true,
    });
    const { event } = this.departments.stagePrivateDepartment(tenantId, user);
    if (input.groupIds) await this.groups.stageMemberships(tenantId, user.id, input.groupIds);
    const events = [event, ...(input.departmentIds ? await this.departments.stageMemberships(tenantId, user.id, input.departmentIds) : [])];
    await this.em.flush();
    await this.departments.publishAll(tenantId, events);
    return user;
  }

  /** Changes a staff member. Admins cannot demote or deactivate themselves (someone must stay admin). */
  async update(viewer: UserViewer, patch: StaffPatch): Promise<IUser> {
    const user = await this.findById(viewer.tenantId, patch.id);
    if (!user) throw notFound('Staff member');
    const self = user.id === viewer.userId;
    let endSessions = false;
    if (patch.name !== undefined && patch.name !== null) user.name = validateName(patch.name);
    if (patch.role !== undefined && patch.role !== null && patch.role !== user.kind) {
      if (self) throw fieldError('role', 'You cannot change your own role.');
      user.kind = patch.role;
    }
    if (patch.active !== undefined && patch.active !== null && patch.active !== user.active) {
      if (self) throw fieldError('active', 'You cannot deactivate yourself.');
      user.active = patch.active;
      endSessions ||= !patch.active;
    }
    if (patch.password !== undefined && patch.password !== null) {
      user.passwordHash = await hashPassword(validateNewPassword(patch.password));
      // A password set by an admin ends that person's sessions; their own change goes through passwordChange.
      endSessions ||= !self;
    }
    if (patch.groupIds) await this.groups.stageMemberships(viewer.tenantId, user.id, patch.groupIds);
    const events = patch.departmentIds ? await this.departments.stageMemberships(viewer.tenantId, user.id, patch.departmentIds) : [];
    if (endSessions) await this.auth.stageEndAllSessions(viewer.tenantId, user.id);
    await this.em.flush();
    await this.departments.publishAll(viewer.tenantId, events);
    return user;
  }
}

function validateEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email)) throw fieldError('email', 'This is not a valid e-mail address.');
  return email;
}

const validateName = (raw: string) => requireText(raw, 'name', NAME_MAX);
