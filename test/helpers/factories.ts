import { randomBytes, randomUUID } from 'node:crypto';
import { createPubSub } from '@graphql-yoga/subscription';
import type { MikroORM } from '../../server/src/infra/orm.js';
import { createServices } from '../../server/src/graphql/services.js';
import { Session } from '../../server/src/modules/auth/auth.entity.js';
import { LoginLimiter } from '../../server/src/modules/auth/login-limiter.js';
import { MemoryPresenceStore } from '../../server/src/modules/tickets/presence.store.js';
import { hashSecret, newSessionToken } from '../../server/src/modules/auth/tokens.js';
import { Department } from '../../server/src/modules/departments/department.entity.js';
import { stageTenant } from '../../server/src/modules/tenants/tenant.service.js';
import { User } from '../../server/src/modules/users/user.entity.js';
import { Contact } from '../../server/src/modules/customers/customer.entity.js';
import { hashPassword } from '../../server/src/modules/auth/password.js';
import type { Topics } from '../../server/src/realtime/topics.js';
import { Gql } from './graphql.js';
import { createLogger } from '../../server/src/infra/logger.js';
import { DEFAULT_MAIL_LIMITS } from '../../server/src/modules/mail/parsing/parse-mail.js';
import { MessageIdSigner } from '../../server/src/modules/mail/threading/message-ids.js';
import { SecretBox } from '../../server/src/shared/secret-box.js';
import { PortalLimiter } from '../../server/src/modules/portal/portal-limiter.js';
import { PortalMailer } from '../../server/src/modules/portal/portal-mailer.js';
import { TicketLinkSigner } from '../../server/src/modules/portal/ticket-links.js';

export const PASSWORD = 'correct horse battery staple';
/** Factories only create staff and departments; nothing they do seals or signs with this. */
const FACTORY_SECRET = 'factory-secret-not-used-for-anything-sealed-0000';

/** All services on a fresh EntityManager, for tests that call them directly. */
export const servicesFor = (orm: MikroORM) =>
  createServices(orm.em.fork(), {
    config: { sessionTtlSeconds: 3600, attachmentMaxBytes: 1024 * 1024, timeZone: 'Europe/Berlin', publicUrl: 'http://localhost:4000' },
    pubSub: createPubSub<Topics>(),
    limiter: new LoginLimiter(null),
    presence: new MemoryPresenceStore(),
    mail: {
      box: new SecretBox(FACTORY_SECRET),
      signer: new MessageIdSigner(FACTORY_SECRET),
      limits: DEFAULT_MAIL_LIMITS,
      logger: createLogger({ logLevel: 'silent' }),
      outbox: null,
    },
    portal: {
      links: new TicketLinkSigner(FACTORY_SECRET),
      mailer: new PortalMailer(() => orm.em.fork(), new SecretBox(FACTORY_SECRET), createLogger({ logLevel: 'silent' })),
      limiter: new PortalLimiter(null),
    },
  });

export const uniqueEmail = (role: string) => `${role}-${randomBytes(4).toString('hex')}@example.test`;

export async function tenantFactory(orm: MikroORM, name = `Tenant ${randomBytes(3).toString('hex')}`): Promise<string> {
  const em = orm.em.fork();
  const { tenant } = stageTenant(em, name);
  await em.flush();
  return tenant.id;
}

export async function staffFactory(orm: MikroORM, tenantId: string, role: 'admin' | 'agent', departmentIds: string[] = []) {
  const email = uniqueEmail(role);
  const user = await servicesFor(orm).staff.create(tenantId, {
    email,
    name: `${role} ${email.slice(role.length + 1, role.length + 5)}`,
    password: PASSWORD,
    role,
    departmentIds,
  });
  const privateDepartment = await orm.em.fork().findOneOrFail(Department, { tenantId, ownerId: user.id });
  return { id: user.id, email, privateDepartmentId: privateDepartment.id };
}

export async function departmentFactory(orm: MikroORM, tenantId: string, name = `Dept ${randomBytes(3).toString('hex')}`, isPublic = false): Promise<string> {
  const em = orm.em.fork();
  const department = em.create(Department, { id: randomUUID(), tenantId, name, isPublic, ownerId: null });
  await em.flush();
  return department.id;
}

/**
 * A customer with a session. The portal's sign-in comes with the portal issue; until then the
 * session is opened here directly, exactly as the login would store it.
 */
export async function customerSession(orm: MikroORM, tenantId: string): Promise<{ id: string; cookie: string }> {
  const em = orm.em.fork();
  const user = em.create(User, {
    id: randomUUID(),
    tenantId,
    kind: 'customer',
    email: uniqueEmail('customer'),
    name: 'Carla Customer',
    passwordHash: null,
    active: true,
  });
  const cookie = newSessionToken(tenantId);
  em.create(Session, { tenantId, tokenHash: hashSecret(cookie), userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
  await em.flush();
  return { id: user.id, cookie };
}

/**
 * A tenant with every kind of viewer the permission tests need, each signed in through the real API:
 * an admin, an agent with access to the shared department, an agent without, a customer, and a
 * read-only and a read-write API token.
 */
export async function worldFactory(orm: MikroORM, url: string) {
  const tenantId = await tenantFactory(orm);
  const sharedDepartmentId = await departmentFactory(orm, tenantId, 'Support', true);
  const admin = await staffFactory(orm, tenantId, 'admin');
  const agent = await staffFactory(orm, tenantId, 'agent', [sharedDepartmentId]);
  const outsider = await staffFactory(orm, tenantId, 'agent');
  const customer = await customerSession(orm, tenantId);
  const asAdmin = await Gql.login(url, admin.email, PASSWORD);
  const asAgent = await Gql.login(url, agent.email, PASSWORD);
  const asOutsider = await Gql.login(url, outsider.email, PASSWORD);
  const asCustomer = new Gql(url, { cookie: customer.cookie });
  const tokenQuery = 'mutation ($n: String!, $s: ApiTokenScope!) { apiTokenCreate(input: { name: $n, scope: $s }) { token } }';
  const readToken = (await asAdmin.data<{ apiTokenCreate: { token: string } }>(tokenQuery, { n: 'reader', s: 'READ' })).apiTokenCreate.token;
  const writeToken = (await asAdmin.data<{ apiTokenCreate: { token: string } }>(tokenQuery, { n: 'writer', s: 'READ_WRITE' })).apiTokenCreate.token;
  return {
    tenantId,
    sharedDepartmentId,
    admin,
    agent,
    outsider,
    customer,
    asAdmin,
    asAgent,
    asOutsider,
    asCustomer,
    asReadToken: new Gql(url, { bearer: readToken }),
    asWriteToken: new Gql(url, { bearer: writeToken }),
    readToken,
    writeToken,
  };
}
export type World = Awaited<ReturnType<typeof worldFactory>>;

/**
 * A customer (company) with portal contacts, each with a password so they can sign in through the
 * real portalLogin. `sees` gives a contact the right to see all of the customer's tickets.
 */
export async function portalCustomerFactory(
  orm: MikroORM,
  tenantId: string,
  contacts: { name: string; sees?: boolean }[],
  name = `Kunde ${randomBytes(3).toString('hex')}`,
) {
  const customer = await servicesFor(orm).customers.create(tenantId, {
    name,
    isCompany: true,
    contacts: contacts.map((c) => ({ name: c.name, email: uniqueEmail(c.name.toLowerCase().replace(/[^a-z]+/g, '.')) })),
  });
  const em = orm.em.fork();
  const rows = await em.find(Contact, { tenantId, customerId: customer.id }, { orderBy: { name: 'asc' } });
  const passwordHash = await hashPassword(PASSWORD);
  const made: Record<string, { id: string; email: string; userId: string }> = {};
  for (const spec of contacts) {
    const contact = rows.find((row) => row.name === spec.name)!;
    const user = em.create(User, { id: randomUUID(), tenantId, kind: 'customer', email: contact.email, name: contact.name, passwordHash, active: true });
    contact.userId = user.id;
    contact.seesCustomerTickets = spec.sees ?? false;
    made[spec.name] = { id: contact.id, email: contact.email, userId: user.id };
  }
  await em.flush();
  return { id: customer.id, name, contacts: made };
}
