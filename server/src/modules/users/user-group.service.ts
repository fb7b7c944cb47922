import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import { requireText } from '../../shared/text.js';
import { UserGroup, UserGroupMember, type IUserGroup } from './user.entity.js';

const NAME_MAX = 100;
/** 10,000 euros an hour is surely a typo. */
const RATE_MAX_CENTS = 1_000_000;

export interface UserGroupPatch {
  id: string;
  name?: string | null | undefined;
  hourlyRateCents?: number | null | undefined;
}

/** User groups and their hourly rates. */
export class UserGroupService {
  constructor(private readonly em: EntityManager) {}

  list(tenantId: string): Promise<IUserGroup[]> {
    return this.em.find(UserGroup, { tenantId }, { orderBy: { name: 'asc' } });
  }

  async create(tenantId: string, input: { name: string; hourlyRateCents: number }): Promise<IUserGroup> {
    const name = validateName(input.name);
    await this.assertNameFree(tenantId, name);
    const group = this.em.create(UserGroup, { tenantId, name, hourlyRateCents: validateRate(input.hourlyRateCents) });
    await this.em.flush();
    return group;
  }

  async update(tenantId: string, patch: UserGroupPatch): Promise<IUserGroup> {
    const group = isUuid(patch.id) ? await this.em.findOne(UserGroup, { tenantId, id: patch.id }) : null;
    if (!group) throw notFound('User group');
    if (patch.name !== undefined && patch.name !== null) {
      const name = validateName(patch.name);
      if (name.toLowerCase() !== group.name.toLowerCase()) await this.assertNameFree(tenantId, name);
      group.name = name;
    }
    if (patch.hourlyRateCents !== undefined && patch.hourlyRateCents !== null) group.hourlyRateCents = validateRate(patch.hourlyRateCents);
    await this.em.flush();
    return group;
  }

  /** Stages a user's group memberships (replacing the previous set); the caller flushes. */
  async stageMemberships(tenantId: string, userId: string, groupIds: readonly string[]): Promise<void> {
    const unique = [...new Set(groupIds)];
    if (unique.some((id) => !isUuid(id))) throw fieldError('groupIds', 'Unknown user group.');
    const found = unique.length === 0 ? 0 : await this.em.count(UserGroup, { tenantId, id: { $in: unique } });
    if (found !== unique.length) throw fieldError('groupIds', 'Unknown user group.');
    const current = await this.em.find(UserGroupMember, { tenantId, userId });
    for (const row of current) if (!unique.includes(row.groupId)) this.em.remove(row);
    for (const groupId of unique) {
      if (!current.some((row) => row.groupId === groupId)) this.em.create(UserGroupMember, { tenantId, userId, groupId });
    }
  }

  /** Groups of many users at once (one query), for the Staff.groups field. */
  async groupsOfUsers(tenantId: string, userIds: readonly string[]): Promise<Map<string, IUserGroup[]>> {
    const rows = await this.em.find(UserGroupMember, { tenantId, userId: { $in: [...userIds] } });
    const groups =
      rows.length === 0 ? [] : await this.em.find(UserGroup, { tenantId, id: { $in: [...new Set(rows.map((r) => r.groupId))] } }, { orderBy: { name: 'asc' } });
    const byId = new Map(groups.map((g) => [g.id, g]));
    const result = new Map<string, IUserGroup[]>(userIds.map((id) => [id, []]));
    for (const row of rows) {
      const group = byId.get(row.groupId);
      if (group) result.get(row.userId)?.push(group);
    }
    return result;
  }

  private async assertNameFree(tenantId: string, name: string): Promise<void> {
    const clash = await this.em
      .getConnection()
      .execute<{ id: string }[]>('select id from user_groups where tenant_id = ? and lower(name) = lower(?) limit 1', [tenantId, name]);
    if (clash.length > 0) throw new DomainError(ErrorCode.Conflict, `A user group named "${name}" already exists.`, 'name');
  }
}

const validateName = (raw: string) => requireText(raw, 'name', NAME_MAX);

function validateRate(cents: number): number {
  if (!Number.isInteger(cents) || cents < 0 || cents > RATE_MAX_CENTS) {
    throw fieldError('hourlyRateCents', `The hourly rate must be a whole number of cents from 0 to ${RATE_MAX_CENTS}.`);
  }
  return cents;
}
