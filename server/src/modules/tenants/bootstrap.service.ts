import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/password.js';
import { Department, DepartmentMember } from '../departments/department.entity.js';
import { User, UserGroupMember, type UserKind } from '../users/user.entity.js';
import { Tenant } from './tenant.entity.js';
import { DEMO_COUNTS, stageDemoTickets } from './demo-tickets.js';
import { stageTenant } from './tenant.service.js';

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
  readonly role: UserKind;
}

/** The demo accounts created on a first start without TRESEN_ADMIN_*. Printed at start-up. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: 'admin@demo.tresen.local', password: 'tresen-demo-admin', role: 'admin' },
  { email: 'agent@demo.tresen.local', password: 'tresen-demo-agent', role: 'agent' },
  // The first demo customer's contact, for the customer portal at /portal.
  { email: 'marta@sonnenschein.example', password: 'tresen-demo-kunde', role: 'customer' },
];

/**
 * First start: when the database has no tenant yet, create one with either the configured first
 * admin or demo data (a tenant, an admin, an agent, two departments). Everything in one flush.
 */
export async function bootstrapFirstStart(
  em: EntityManager,
  admin: { email: string; password: string } | undefined,
): Promise<'created-admin' | 'created-demo' | 'existing'> {
  if ((await em.count(Tenant, {})) > 0) return 'existing';
  const { tenant, supportGroupId, statuses } = stageTenant(em, admin ? 'Tresen' : 'Demo GmbH');
  const people: { name: string; email: string; password: string; kind: UserKind }[] = admin
    ? [{ name: 'Admin', email: admin.email, password: admin.password, kind: 'admin' }]
    : [
        { name: 'Anna Admin', email: DEMO_LOGINS[0]!.email, password: DEMO_LOGINS[0]!.password, kind: 'admin' },
        { name: 'Alex Agent', email: DEMO_LOGINS[1]!.email, password: DEMO_LOGINS[1]!.password, kind: 'agent' },
      ];
  const shared = admin
    ? []
    : [
        em.create(Department, { id: randomUUID(), tenantId: tenant.id, name: 'Support', isPublic: true, ownerId: null }),
        em.create(Department, { id: randomUUID(), tenantId: tenant.id, name: 'Vertrieb', isPublic: false, ownerId: null }),
      ];
  for (const person of people) {
    const user = em.create(User, {
      id: randomUUID(),
      tenantId: tenant.id,
      kind: person.kind,
      email: person.email,
      name: person.name,
      passwordHash: await hashPassword(person.password),
      active: true,
    });
    em.create(Department, { id: randomUUID(), tenantId: tenant.id, name: person.name, isPublic: false, ownerId: user.id });
    em.create(UserGroupMember, { tenantId: tenant.id, groupId: supportGroupId, userId: user.id });
    if (person.kind === 'agent')
      for (const department of shared) em.create(DepartmentMember, { tenantId: tenant.id, departmentId: department.id, userId: user.id });
  }
  if (!admin) {
    const portalLogin = DEMO_LOGINS[2]!;
    stageDemoTickets(em, tenant.id, [shared[0]!.id, shared[1]!.id], statuses, {
      email: portalLogin.email,
      passwordHash: await hashPassword(portalLogin.password),
    });
  }
  await em.flush();
  if (!admin) {
    await em
      .getConnection()
      .execute('insert into tenant_counters (tenant_id, last_ticket_number, last_customer_number) values (?, ?, ?)', [
        tenant.id,
        DEMO_COUNTS.tickets,
        DEMO_COUNTS.customers,
      ]);
  }
  return admin ? 'created-admin' : 'created-demo';
}
