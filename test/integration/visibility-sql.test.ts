import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/modules/auth/viewer.js';
import { sql } from '../../server/src/infra/sql.js';
import { departmentFactory, servicesFor, staffFactory, tenantFactory, worldFactory, type World } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createTicket } from '../helpers/tickets.js';

/**
 * The live timer's periodic re-check answers "may this viewer still see this ticket" in one SQL
 * statement (DepartmentService.visibleSql). It must give exactly what the ORM rule
 * (visibleFilter, through list and findVisible) gives, for every kind of viewer.
 */
let server: TestServer;
let world: World;
let viewers: Record<string, Viewer>;
let ticketIds: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  const { tenantId } = world;
  const hiddenShared = await departmentFactory(server.orm, tenantId, 'Nur Admins', false);
  const publicShared = await departmentFactory(server.orm, tenantId, 'Öffentlich', true);
  const otherTenant = await tenantFactory(server.orm);
  await departmentFactory(server.orm, otherTenant, 'Fremd', true);
  const stranger = await staffFactory(server.orm, otherTenant, 'admin');
  const [reader] = await sql<{ id: string }>(server.orm.em.fork(), "select id from api_tokens where tenant_id = ? and name = 'reader'", [tenantId]);
  const user = (userId: string, kind: 'admin' | 'agent' | 'customer'): Viewer => ({ type: 'user', tenantId, userId, kind, sessionHash: 'x' });
  viewers = {
    admin: user(world.admin.id, 'admin'),
    agent: user(world.agent.id, 'agent'),
    outsider: user(world.outsider.id, 'agent'),
    customer: user(world.customer.id, 'customer'),
    readToken: { type: 'token', tenantId, tokenId: reader!.id, scope: 'read' },
    stranger: { type: 'user', tenantId: otherTenant, userId: stranger.id, kind: 'admin', sessionHash: 'x' },
  };
  ticketIds = {
    shared: (await createTicket(world.asAdmin, world.sharedDepartmentId)).id,
    hiddenShared: (await createTicket(world.asAdmin, hiddenShared)).id,
    publicShared: (await createTicket(world.asAdmin, publicShared)).id,
    agentPrivate: (await createTicket(world.asAgent, world.agent.privateDepartmentId)).id,
    adminPrivate: (await createTicket(world.asAdmin, world.admin.privateDepartmentId)).id,
  };
});
afterAll(async () => {
  await server?.close();
});

describe('DepartmentService.visibleSql', () => {
  it('selects the same departments as the ORM rule, for every kind of viewer', async () => {
    for (const [who, viewer] of Object.entries(viewers)) {
      const services = servicesFor(server.orm);
      const rule = services.departments.visibleSql(viewer);
      const bySql = (await sql<{ id: string }>(server.orm.em.fork(), `select d.id from departments d where ${rule.text}`, rule.params)).map((r) => r.id);
      const byOrm = (await services.departments.list(viewer)).map((d) => d.id);
      expect(bySql.sort(), who).toEqual(byOrm.sort());
      expect(byOrm.length, `${who} sees something`).toBeGreaterThan(0);
    }
  });

  it('makes TicketQueryService.isVisible agree with findVisible for every viewer and ticket', async () => {
    const seen: string[] = [];
    for (const [who, viewer] of Object.entries(viewers)) {
      for (const [what, id] of Object.entries(ticketIds)) {
        const services = servicesFor(server.orm);
        const expected = viewer.type === 'user' && viewer.kind === 'customer' ? false : (await services.ticketQueries.findVisible(viewer, id)) !== null;
        expect(await services.ticketQueries.isVisible(viewer, id), `${who} / ${what}`).toBe(expected);
        if (expected) seen.push(`${who}/${what}`);
      }
    }
    // The table is not trivially all-false or all-true.
    expect(seen).toEqual(
      expect.arrayContaining(['admin/shared', 'admin/hiddenShared', 'admin/adminPrivate', 'agent/shared', 'agent/agentPrivate', 'readToken/publicShared']),
    );
    expect(seen).not.toContain('admin/agentPrivate');
    expect(seen).not.toContain('outsider/shared');
    expect(seen.filter((s) => s.startsWith('stranger/'))).toEqual([]);
  });
});
