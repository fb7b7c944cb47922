import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A department (Support-Abteilung). Shared departments have no owner; every staff member also owns
 * exactly one private department (ownerId set) that nobody else can see, admins included.
 */
export const Department = defineEntity({
  name: 'Department',
  tableName: 'departments',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    isPublic: p.boolean().default(false),
    ownerId: p.uuid().nullable(),
    /** Customers may choose a priority when they open a ticket here in the portal. */
    portalPriority: p.boolean().default(false),
    /** Closing a ticket here sends the customer one mail asking for a rating. */
    ratingMailEnabled: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IDepartment = InferEntity<typeof Department>;

/** An agent's access to a shared department. Admins need none. */
export const DepartmentMember = defineEntity({
  name: 'DepartmentMember',
  tableName: 'department_members',
  properties: {
    tenantId: p.uuid().primary(),
    departmentId: p.uuid().primary(),
    userId: p.uuid().primary(),
  },
});
export type IDepartmentMember = InferEntity<typeof DepartmentMember>;
