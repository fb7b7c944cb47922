import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const PortalLinkPurpose = { Magic: 'magic', Reset: 'reset', Invite: 'invite', Impersonate: 'impersonate' } as const;
export type PortalLinkPurpose = (typeof PortalLinkPurpose)[keyof typeof PortalLinkPurpose];

/**
 * A one-time portal link (sign-in by mail, password reset, invitation, an admin's view as the
 * customer). The token is `<tenantId>.<secret>`; only the secret's SHA-256 is kept.
 */
export const PortalLink = defineEntity({
  name: 'PortalLink',
  tableName: 'portal_links',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    purpose: p.string().$type<PortalLinkPurpose>(),
    contactId: p.uuid(),
    actingUserId: p.uuid().nullable(),
    tokenHash: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});
export type IPortalLink = InferEntity<typeof PortalLink>;

/** A customer's rating of a closed ticket (good or bad, with a comment); one per ticket, changeable. */
export const TicketRating = defineEntity({
  name: 'TicketRating',
  tableName: 'ticket_ratings',
  properties: {
    tenantId: p.uuid().primary(),
    ticketId: p.uuid().primary(),
    contactId: p.uuid().nullable(),
    /** Department and handler when rated, so the shares per department and agent stay as they were. */
    departmentId: p.uuid(),
    handlerId: p.uuid().nullable(),
    good: p.boolean(),
    comment: p.text().default(''),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ITicketRating = InferEntity<typeof TicketRating>;

/** Something an admin did that the tenant should be able to trace (e.g. viewing the portal as a customer). */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    at: p.datetime().onCreate(() => new Date()),
    actorUserId: p.uuid().nullable(),
    action: p.string(),
    subject: p.string(),
  },
});
export type IAuditEvent = InferEntity<typeof AuditEvent>;
