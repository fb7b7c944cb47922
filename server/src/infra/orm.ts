import { DataloaderType } from '@mikro-orm/core';
import { MikroORM, defineConfig, type EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../migrations/index.js';
import { ApiToken, Session } from '../modules/auth/auth.entity.js';
import { Department, DepartmentMember } from '../modules/departments/department.entity.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { User, UserGroup, UserGroupMember } from '../modules/users/user.entity.js';
import { Contact, Customer } from '../modules/customers/customer.entity.js';
import { Mailbox } from '../modules/mail/mailbox.entity.js';
import { CannedReply } from '../modules/mail/smtp/canned-reply.entity.js';
import { Quote, QuoteLine, TimeEntry } from '../modules/time/time.entity.js';
import { Message } from '../modules/messages/message.entity.js';
import { Ticket, TicketCustomer, TicketHistory, TicketStatus, TicketWatcher } from '../modules/tickets/ticket.entity.js';
import { AuditEvent, PortalLink, TicketRating } from '../modules/portal/portal.entity.js';
import type { Logger } from './logger.js';
import { Widget } from '../modules/widget/widget.entity.js';

export { MikroORM, type EntityManager };

export const entities = [
  Tenant,
  User,
  UserGroup,
  UserGroupMember,
  Department,
  DepartmentMember,
  Session,
  ApiToken,
  TicketStatus,
  Ticket,
  TicketWatcher,
  TicketCustomer,
  TicketHistory,
  Customer,
  Contact,
  Message,
  Mailbox,
  CannedReply,
  TimeEntry,
  Quote,
  QuoteLine,
  PortalLink,
  TicketRating,
  AuditEvent,
  Widget,
];

/** The one place the ORM is configured. Schema changes only ever come from committed migrations. */
export function ormConfig(databaseUrl: string, logger?: Logger) {
  return defineConfig({
    clientUrl: withoutJit(databaseUrl),
    entities,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    pool: { min: 0, max: 10 },
    // No schema snapshot files: migrations are written by hand and listed explicitly.
    migrations: { migrationsList, transactional: true, allOrNothing: true, tableName: 'mikro_orm_migrations', snapshot: false },
    debug: false,
    logger: (message: string) => logger?.debug({ orm: message }, 'orm'),
    // Entities are defined with defineEntity(); nothing to discover from the file system.
    discovery: { warnWhenNoEntities: true },
  });
}

/**
 * Turns PostgreSQL's JIT compiler off for our connections: the search's row estimates are far too
 * high, so JIT compiled every search for 40-50 ms of nothing (EXPLAIN at 1M tickets).
 */
function withoutJit(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has('options')) url.searchParams.set('options', '-c jit=off');
  return url.toString();
}

/** Connects and applies pending migrations (they run in one transaction, all or nothing). */
export async function initORM(databaseUrl: string, logger?: Logger, options: { migrate?: boolean } = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, logger));
  if (options.migrate !== false) {
    const applied = await orm.migrator.up();
    if (applied.length > 0) logger?.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  }
  return orm;
}
