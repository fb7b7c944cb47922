import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** What kind of person a user row is. Customers never reach staff operations. */
export const UserKind = { Admin: 'admin', Agent: 'agent', Customer: 'customer' } as const;
export type UserKind = (typeof UserKind)[keyof typeof UserKind];

/** Staff members (admins, agents) and customers of one tenant. */
export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    kind: p.string().$type<UserKind>(),
    /** Stored lower-cased; unique per tenant. */
    email: p.string(),
    name: p.string(),
    /** argon2id hash; null for customers who have no portal login yet. */
    passwordHash: p.string().nullable().hidden(),
    active: p.boolean().default(true),
    /** Staff: the personal signature under replies, with placeholders. */
    signature: p.text().default(''),
    /** Bumped on password change; sessions older than this are dead. */
    sessionsValidFrom: p.datetime().onCreate(() => new Date()),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IUser = InferEntity<typeof User>;

/** A user group (Benutzergruppe) with the hourly rate its members' time is billed at. */
export const UserGroup = defineEntity({
  name: 'UserGroup',
  tableName: 'user_groups',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    /** Hourly rate in euro cents, so money is exact. */
    hourlyRateCents: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IUserGroup = InferEntity<typeof UserGroup>;

/** Membership of a staff member in a user group. */
export const UserGroupMember = defineEntity({
  name: 'UserGroupMember',
  tableName: 'user_group_members',
  properties: {
    tenantId: p.uuid().primary(),
    groupId: p.uuid().primary(),
    userId: p.uuid().primary(),
  },
});
export type IUserGroupMember = InferEntity<typeof UserGroupMember>;

/** The name of the group whose members may handle tickets. */
export const TICKET_SUPPORT_GROUP = 'Ticket-Support';
