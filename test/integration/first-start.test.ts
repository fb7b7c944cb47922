import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/infra/logger.js';
import { initORM, type MikroORM } from '../../server/src/infra/orm.js';
import { Department } from '../../server/src/modules/departments/department.entity.js';
import { Ticket } from '../../server/src/modules/tickets/ticket.entity.js';
import { Contact } from '../../server/src/modules/customers/customer.entity.js';
import { bootstrapFirstStart, DEMO_LOGINS } from '../../server/src/modules/tenants/bootstrap.service.js';
import { User } from '../../server/src/modules/users/user.entity.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/database.js';

/** The first start on an empty database (its own, not the run's shared one). */
describe('first start', () => {
  let orm: MikroORM;
  let name: string;
  beforeAll(async () => {
    const db = await createTestDatabase();
    name = db.name;
    orm = await initORM(db.url, createLogger({ logLevel: 'fatal' }), { migrate: false });
  });
  afterAll(async () => {
    await orm?.close();
    if (name) await dropTestDatabase(name);
  });

  it('creates demo data once: a tenant, an admin, an agent, a portal contact, two departments and a few tickets', async () => {
    expect(await bootstrapFirstStart(orm.em.fork(), undefined)).toBe('created-demo');
    const em = orm.em.fork();
    expect((await em.find(User, {})).map((u) => u.email).sort()).toEqual(DEMO_LOGINS.map((l) => l.email).sort());
    expect(await em.count(Department, { ownerId: null })).toBe(2);
    expect(await em.count(Department, { ownerId: { $ne: null } })).toBe(2);
    expect(await em.count(Ticket, {})).toBeGreaterThan(0);
    expect(await bootstrapFirstStart(orm.em.fork(), undefined)).toBe('existing');
    expect(await orm.em.fork().count(User, {})).toBe(3);
    // The demo customer's login is a contact's portal login, not staff.
    const customer = await em.findOneOrFail(User, { email: DEMO_LOGINS[2]!.email });
    expect(customer.kind).toBe('customer');
    expect(await em.count(Contact, { userId: customer.id })).toBe(1);
  });
});
