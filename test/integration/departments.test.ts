import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Department } from '../../server/src/modules/departments/department.entity.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CREATE = 'mutation ($i: DepartmentCreateInput!) { departmentCreate(input: $i) { id name isPublic isPrivate } }';
const UPDATE = 'mutation ($i: DepartmentUpdateInput!) { departmentUpdate(input: $i) { id name isPublic } }';
const DELETE = 'mutation ($id: ID!) { departmentDelete(id: $id) }';
const LIST = '{ departments { id name isPrivate } }';
const ONE = 'query ($id: ID!) { department(id: $id) { id name } }';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
});
afterAll(() => server?.close());

const count = () => server.orm.em.fork().count(Department, { tenantId: world.tenantId });

describe('department administration', () => {
  it('lets an admin create, rename, publish and delete a department', async () => {
    const { departmentCreate: created } = await world.asAdmin.data<{ departmentCreate: { id: string; name: string; isPublic: boolean; isPrivate: boolean } }>(
      CREATE,
      { i: { name: '  Billing  ' } },
    );
    expect(created).toMatchObject({ name: 'Billing', isPublic: false, isPrivate: false });
    const { departmentUpdate: updated } = await world.asAdmin.data<{ departmentUpdate: { name: string; isPublic: boolean } }>(UPDATE, {
      i: { id: created.id, name: 'Buchhaltung', isPublic: true },
    });
    expect(updated).toEqual({ id: created.id, name: 'Buchhaltung', isPublic: true });
    expect((await world.asAdmin.data<{ departmentDelete: string }>(DELETE, { id: created.id })).departmentDelete).toBe(created.id);
    expect((await world.asAdmin.data<{ department: unknown }>(ONE, { id: created.id })).department).toBeNull();
  });

  it.each([
    ['an empty name', '   '],
    ['a 1,000-character name', 'x'.repeat(1000)],
    ['a name with control characters', 'Bad\u0007Name'],
  ])('rejects %s with a field error and changes nothing', async (_label, name) => {
    const before = await count();
    const result = await world.asAdmin.request(CREATE, { i: { name } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await count()).toBe(before);
  });

  it('rejects a duplicate name (case-insensitive) as a conflict', async () => {
    const result = await world.asAdmin.request(CREATE, { i: { name: 'SUPPORT' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('rejects unknown input fields before any resolver runs', async () => {
    const before = await count();
    const result = await world.asAdmin.request(CREATE, { i: { name: 'Sneaky', ownerId: world.admin.id } });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('ownerId');
    expect(await count()).toBe(before);
  });

  it('answers a malformed id with not found instead of a database error', async () => {
    expect(await world.asAdmin.errorCode(UPDATE, { i: { id: 'not-a-uuid', name: 'x' } })).toBe('NOT_FOUND');
    expect((await world.asAdmin.data<{ department: unknown }>(ONE, { id: "1' or 1=1 --" })).department).toBeNull();
  });

  it('refuses to delete or publish a private department', async () => {
    expect(await world.asAdmin.errorCode(DELETE, { id: world.admin.privateDepartmentId })).toBe('BAD_USER_INPUT');
    expect(await world.asAdmin.errorCode(UPDATE, { i: { id: world.admin.privateDepartmentId, isPublic: true } })).toBe('BAD_USER_INPUT');
  });

  it('gives agents access only to departments they were given', async () => {
    const names = async (client: Gql) => (await client.data<{ departments: { name: string }[] }>(LIST)).departments.map((d) => d.name);
    expect(await names(world.asAgent)).toContain('Support');
    expect(await names(world.asOutsider)).not.toContain('Support');
    await world.asAdmin.data('mutation ($i: StaffUpdateInput!) { staffUpdate(input: $i) { id } }', {
      i: { id: world.outsider.id, departmentIds: [world.sharedDepartmentId] },
    });
    expect(await names(world.asOutsider)).toContain('Support');
    await world.asAdmin.data('mutation ($i: StaffUpdateInput!) { staffUpdate(input: $i) { id } }', { i: { id: world.outsider.id, departmentIds: [] } });
    expect(await names(world.asOutsider)).not.toContain('Support');
  });
});

describe('private departments', () => {
  it('every staff member owns one, named after them, shown first', async () => {
    const { departments } = await world.asAgent.data<{ departments: { id: string; isPrivate: boolean }[] }>(LIST);
    expect(departments[0]).toEqual(expect.objectContaining({ id: world.agent.privateDepartmentId, isPrivate: true }));
    expect(departments.filter((d) => d.isPrivate)).toHaveLength(1);
  });

  it("hides an agent's private department from admins, other agents and tokens by every path", async () => {
    const id = world.agent.privateDepartmentId;
    const strangers: [string, Gql][] = [
      ['admin', world.asAdmin],
      ['other agent', world.asOutsider],
      ['read token', world.asReadToken],
      ['read-write token', world.asWriteToken],
    ];
    for (const [who, client] of strangers) {
      const list = await client.data<{ departments: { id: string }[] }>(LIST);
      expect(
        list.departments.map((d) => d.id),
        `${who}: list`,
      ).not.toContain(id);
      expect((await client.data<{ department: unknown }>(ONE, { id })).department, `${who}: by id`).toBeNull();
      const write = await client.request(UPDATE, { i: { id, name: 'Mine now' } });
      expect(write.errors?.[0]?.extensions?.code, `${who}: update`).toMatch(/NOT_FOUND|FORBIDDEN/);
      const remove = await client.request(DELETE, { id });
      expect(remove.errors?.[0]?.extensions?.code, `${who}: delete`).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
    const staff = await world.asAdmin.data<{ staff: { departments: { id: string }[] }[] }>('{ staff { departments { id } } }');
    expect(JSON.stringify(staff), 'admin: staff.departments').not.toContain(id);
    const unchanged = await server.orm.em.fork().findOneOrFail(Department, { id });
    expect(unchanged.name).not.toBe('Mine now');
  });

  it("hides an admin's private department from other admins", async () => {
    const { staffCreate } = await world.asAdmin.data<{ staffCreate: { id: string } }>(
      'mutation { staffCreate(input: { email: "second-admin@example.test", name: "Second Admin", password: "second admin password", role: ADMIN }) { id } }',
    );
    const second = await Gql.login(server.url, 'second-admin@example.test', 'second admin password');
    const mine = (await second.data<{ departments: { id: string; isPrivate: boolean }[] }>(LIST)).departments.filter((d) => d.isPrivate);
    expect(mine).toHaveLength(1);
    expect((await world.asAdmin.data<{ department: unknown }>(ONE, { id: mine[0]!.id })).department).toBeNull();
    expect((await second.data<{ department: unknown }>(ONE, { id: world.admin.privateDepartmentId })).department).toBeNull();
    expect(staffCreate.id).toBeTruthy();
  });

  it('leaves renaming to admins, even for an agent who owns the department', async () => {
    const renamed = await world.asAgent.request(UPDATE, { i: { id: world.agent.privateDepartmentId, name: 'My desk' } });
    expect(renamed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
