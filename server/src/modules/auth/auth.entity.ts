import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A browser session. The cookie holds `<tenantId>.<secret>`; only the secret's SHA-256 is stored. */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    tenantId: p.uuid().primary(),
    tokenHash: p.string().primary(),
    userId: p.uuid(),
    /** Staff sessions (console, `tresen_session`) and portal sessions (`tresen_portal`) never stand in for each other. */
    kind: p.string().$type<'staff' | 'portal'>().default('staff'),
    /** A portal session opened by a signed ticket link reaches only this ticket. */
    ticketId: p.uuid().nullable(),
    /** The admin who signed in as this customer (read-only view). */
    actingUserId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
  },
});
export type ISession = InferEntity<typeof Session>;

export const ApiTokenScope = { Read: 'read', ReadWrite: 'read_write' } as const;
export type ApiTokenScope = (typeof ApiTokenScope)[keyof typeof ApiTokenScope];

/** A partner tool's token. The secret is shown once; only its SHA-256 is stored. */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  tableName: 'api_tokens',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    scope: p.string().$type<ApiTokenScope>(),
    tokenHash: p.string().hidden(),
    prefix: p.string(),
    createdById: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type IApiToken = InferEntity<typeof ApiToken>;
