import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_STATUSES, TicketStatus, type ITicketStatus } from '../tickets/ticket.entity.js';
import { TICKET_SUPPORT_GROUP, UserGroup } from '../users/user.entity.js';
import { Tenant, type ITenant } from './tenant.entity.js';

/** Default hourly rate of the Ticket-Support group in a new tenant, in cents. */
export const DEFAULT_SUPPORT_RATE_CENTS = 9500;

/**
 * Stages a new tenant with what every tenant has: the Ticket-Support user group and the system
 * ticket statuses. The caller flushes (so it can add more in the same transaction).
 */
export function stageTenant(em: EntityManager, name: string): { tenant: ITenant; supportGroupId: string; statuses: ITicketStatus[] } {
  const tenant = em.create(Tenant, { id: randomUUID(), name });
  const support = em.create(UserGroup, { id: randomUUID(), tenantId: tenant.id, name: TICKET_SUPPORT_GROUP, hourlyRateCents: DEFAULT_SUPPORT_RATE_CENTS });
  const statuses = SYSTEM_STATUSES.map((status, position) =>
    em.create(TicketStatus, { id: randomUUID(), tenantId: tenant.id, ...status, isSystem: true, position }),
  );
  return { tenant, supportGroupId: support.id, statuses };
}
