import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Department } from '../../server/src/modules/departments/department.entity.js';
import { PASSWORD, uniqueEmail, worldFactory, type World } from '../helpers/factories.js';
import { collect, eventually, Gql, sleep, wsClient } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SUBSCRIBE = 'subscription { departmentChanged { kind departmentId department { id name isPrivate } } }';
interface Change {
  departmentChanged: { kind: string; departmentId: string; department: { id: string; name: string; isPrivate: boolean } | null };
}

let server: TestServer;
let world: World;
let other: World;
let origin: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
  other = await worldFactory(server.orm, server.url);
  origin = new URL(server.url).origin;
});
afterAll(() => server?.close());

/** Subscribes and waits until the server has registered the subscription (a round trip on the same socket). */
async function subscribe(credentials: Gql['credentials']) {
  const client = wsClient(server.wsUrl, credentials, origin);
  const run = collect<Change>(client, SUBSCRIBE);
  const ping = collect(client, '{ me { id } }');
  await ping.completed;
  return { client, run, ids: () => run.events.map((e) => e.departmentChanged.departmentId) };
}

describe('departmentChanged', () => {
  it('reaches exactly the receivers who may see the department, per event', async () => {
    const admin = await subscribe(world.asAdmin.credentials);
    const agent = await subscribe(world.asAgent.credentials);
    const outsider = await subscribe(world.asOutsider.credentials);
    const token = await subscribe({ bearer: world.readToken });
    const stranger = await subscribe(other.asAdmin.credentials);

    const { departmentCreate } = await world.asAdmin.data<{ departmentCreate: { id: string } }>(
      'mutation { departmentCreate(input: { name: "Live" }) { id } }',
    );
    const id = departmentCreate.id;
    await eventually(() => admin.ids().includes(id) && token.ids().includes(id), 'admin and token to see the new department');
    expect(admin.run.events.find((e) => e.departmentChanged.departmentId === id)?.departmentChanged).toEqual({
      kind: 'CREATED',
      departmentId: id,
      department: { id, name: 'Live', isPrivate: false },
    });

    // The outsider is given access: from now on the department's events reach them.
    await world.asAdmin.data('mutation ($i: StaffUpdateInput!) { staffUpdate(input: $i) { id } }', { i: { id: world.outsider.id, departmentIds: [id] } });
    await eventually(() => outsider.ids().includes(id), 'outsider to hear about the department they were given');
    await world.asAdmin.data('mutation ($id: ID!) { departmentDelete(id: $id) }', { id });
    await eventually(() => outsider.run.events.some((e) => e.departmentChanged.kind === 'DELETED'), 'outsider to hear of the deletion');

    await sleep(300);
    expect(agent.ids()).not.toContain(id);
    expect(stranger.ids()).toEqual([]);
    for (const s of [admin, agent, outsider, token, stranger]) {
      expect(s.run.errors).toEqual([]);
      await s.client.dispose();
    }
  });

  it("never sends a private department's events to anyone but its owner", async () => {
    const admin = await subscribe(world.asAdmin.credentials);
    const token = await subscribe({ bearer: world.writeToken });
    const agent = await subscribe(world.asAgent.credentials);
    // Creating a staff member through the API creates their private department: an event only they may receive.
    const email = uniqueEmail('newcomer');
    const { staffCreate } = await world.asAdmin.data<{ staffCreate: { id: string } }>('mutation ($i: StaffCreateInput!) { staffCreate(input: $i) { id } }', {
      i: { email, name: 'Newcomer', password: PASSWORD, role: 'AGENT' },
    });
    const newcomer = {
      id: staffCreate.id,
      privateDepartmentId: (await server.orm.em.fork().findOneOrFail(Department, { tenantId: world.tenantId, ownerId: staffCreate.id })).id,
    };
    const owner = await subscribe((await Gql.login(server.url, email, PASSWORD)).credentials);
    await world.asAdmin.data('mutation ($i: StaffUpdateInput!) { staffUpdate(input: $i) { id } }', {
      i: { id: newcomer.id, departmentIds: [world.sharedDepartmentId] },
    });
    await world.asAdmin.data('mutation { departmentCreate(input: { name: "Marker" }) { id } }');
    await eventually(() => admin.run.events.some((e) => e.departmentChanged.department?.name === 'Marker'), 'marker event');
    for (const s of [admin, token, agent]) expect(s.ids()).not.toContain(newcomer.privateDepartmentId);
    expect(JSON.stringify(admin.run.events)).not.toContain(newcomer.privateDepartmentId);
    for (const s of [admin, token, agent, owner]) await s.client.dispose();
  });

  it('stops delivering once the session has ended, without a reconnect', async () => {
    const session = await Gql.login(server.url, world.admin.email, PASSWORD);
    const live = await subscribe(session.credentials);
    await session.data('mutation { logout }');
    const watcher = await subscribe(world.asAdmin.credentials);
    await world.asAdmin.data('mutation { departmentCreate(input: { name: "After logout" }) { id } }');
    await eventually(() => watcher.run.events.length > 0, 'a still signed-in admin to get the event');
    await sleep(200);
    expect(live.run.events).toEqual([]);
    await live.client.dispose();
    await watcher.client.dispose();
  });
});

describe('WebSocket authentication', () => {
  it('refuses a cookie-carrying upgrade from a foreign origin', async () => {
    const client = wsClient(server.wsUrl, world.asAdmin.credentials, 'https://evil.example');
    const run = collect(client, SUBSCRIBE);
    await run.completed;
    expect(run.events).toEqual([]);
    expect(run.errors.length).toBeGreaterThan(0);
    await client.dispose();
  });

  it('accepts a bearer token in connection_init without an Origin', async () => {
    const client = wsClient(server.wsUrl, { bearer: world.readToken });
    const run = collect<{ departments: { id: string }[] }>(client, '{ departments { id } }');
    await run.completed;
    expect(run.errors).toEqual([]);
    expect(run.events[0]?.departments.map((d) => d.id)).toContain(world.sharedDepartmentId);
    await client.dispose();
  });

  it('refuses a bad bearer token at connection time', async () => {
    const client = wsClient(server.wsUrl, { bearer: `trs_${'0'.repeat(32)}_${'y'.repeat(43)}` });
    const run = collect(client, '{ departments { id } }');
    await run.completed;
    expect(run.events).toEqual([]);
    expect(run.errors.length).toBeGreaterThan(0);
    await client.dispose();
  });

  it('gives an anonymous socket nothing but UNAUTHENTICATED', async () => {
    const client = wsClient(server.wsUrl, {});
    const run = collect(client, SUBSCRIBE);
    await run.completed;
    expect(run.events).toEqual([]);
    expect(JSON.stringify(run.errors)).toContain('UNAUTHENTICATED');
    await client.dispose();
  });

  it('does not let a customer subscribe to staff events', async () => {
    const client = wsClient(server.wsUrl, world.asCustomer.credentials, origin);
    const run = collect(client, SUBSCRIBE);
    await run.completed;
    expect(JSON.stringify(run.errors)).toContain('FORBIDDEN');
    await client.dispose();
  });

  it('answers malformed frames by closing the socket, not by crashing', async () => {
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('{not json');
    expect(await closed).toBe(4400);
    expect((await world.asAdmin.data<{ me: { id: string } }>('{ me { id } }')).me.id).toBe(world.admin.id);
  });
});
