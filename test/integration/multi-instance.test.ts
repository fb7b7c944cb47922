import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/infra/logger.js';
import { initORM, type MikroORM } from '../../server/src/infra/orm.js';
import { worldFactory, type World } from '../helpers/factories.js';
import { collect, eventually, type Gql, sleep, wsClient } from '../helpers/graphql.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { spawnServer, type ServerProcess } from '../helpers/process.js';

const SUBSCRIBE = 'subscription { departmentChanged { kind departmentId department { name } } }';

/**
 * Two real server processes on one database and one Redis, as when scaled out behind a load
 * balancer: an event caused through instance A must reach allowed subscribers on instance B, and
 * never a subscriber without access.
 */
describe('two server processes on one Redis', () => {
  let orm: MikroORM;
  let a: ServerProcess;
  let b: ServerProcess;
  let world: World;
  let other: World;

  beforeAll(async () => {
    const env = { DATABASE_URL: inject('databaseUrl'), REDIS_URL: TEST_REDIS_URL };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    orm = await initORM(inject('databaseUrl'), createLogger({ logLevel: 'fatal' }), { migrate: false });
    world = await worldFactory(orm, a.graphqlUrl);
    other = await worldFactory(orm, a.graphqlUrl);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await orm?.close();
  });

  it('fans an event from instance A out to allowed subscribers on instance B only', async () => {
    const origin = new URL(b.url).origin;
    // Sessions made on A work on B: the session lives in PostgreSQL.
    const onB = (credentials: Gql['credentials']) => {
      const client = wsClient(b.wsUrl, credentials, origin);
      return {
        client,
        run: collect<{ departmentChanged: { departmentId: string; department: { name: string } | null } }>(client, SUBSCRIBE),
        ready: collect(client, '{ me { id } }').completed,
      };
    };
    const admin = onB(world.asAdmin.credentials);
    const outsider = onB(world.asOutsider.credentials);
    const stranger = onB(other.asAdmin.credentials);
    await Promise.all([admin.ready, outsider.ready, stranger.ready]);

    const created = await world.asAdmin.data<{ departmentCreate: { id: string } }>('mutation { departmentCreate(input: { name: "Across instances" }) { id } }');
    await eventually(
      () => admin.run.events.some((e) => e.departmentChanged.departmentId === created.departmentCreate.id),
      'the admin on B to receive the event from A',
      10_000,
    );
    expect(admin.run.events[0]?.departmentChanged.department?.name).toBe('Across instances');
    await sleep(500);
    expect(outsider.run.events).toEqual([]);
    expect(stranger.run.events).toEqual([]);
    for (const s of [admin, outsider, stranger]) await s.client.dispose();
  });

  it('sends a timer started on A to watchers on B, where B makes the ticks from the stored start', async () => {
    const { ticketCreate } = await world.asAgent.data<{ ticketCreate: { id: string; version: number } }>(
      'mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { id version } }',
      { i: { subject: 'Timer über Instanzen', departmentId: world.sharedDepartmentId, text: 'x', channel: 'PHONE' } },
    );
    await world.asAgent.data('mutation ($i: TicketUpdateInput!) { ticketUpdate(input: $i) { id } }', {
      i: { id: ticketCreate.id, version: ticketCreate.version, timeTrackingAllowed: true },
    });
    const client = wsClient(b.wsUrl, world.asAdmin.credentials, new URL(b.url).origin);
    const ticks = collect<{ timerTick: { kind: string; elapsedSeconds: number; startedAt: string } }>(
      client,
      `subscription { timerTick(ticketId: "${ticketCreate.id}") { kind elapsedSeconds startedAt } }`,
    );
    await collect(client, '{ me { id } }').completed;
    await sleep(300);
    const { timerStart } = await world.asAgent.data<{ timerStart: { startedAt: string } }>('mutation ($t: ID!) { timerStart(ticketId: $t) { startedAt } }', {
      t: ticketCreate.id,
    });
    await eventually(() => ticks.events.filter((e) => e.timerTick.kind === 'TICK').length >= 2, 'ticks on B for a timer started on A', 10_000);
    expect(ticks.events[0]!.timerTick).toMatchObject({ kind: 'STARTED', startedAt: timerStart.startedAt });
    const last = ticks.events.at(-1)!.timerTick;
    expect(Math.abs(last.elapsedSeconds - (Date.now() - Date.parse(timerStart.startedAt)) / 1000)).toBeLessThan(2.5);
    await world.asAgent.data('mutation ($t: ID!) { timerStop(ticketId: $t) { id } }', { t: ticketCreate.id });
    await eventually(() => ticks.events.some((e) => e.timerTick.kind === 'STOPPED'), 'the stop on B', 10_000);
    await client.dispose();
  });

  it('reports liveness and readiness (database and Redis)', async () => {
    expect(await (await fetch(`${a.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${b.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });

  it('drains on SIGTERM: WebSocket clients are told the server is going away and the process exits 0', async () => {
    const c = await spawnServer({ DATABASE_URL: inject('databaseUrl'), REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'info' });
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(c.wsUrl, 'graphql-transport-ws', { headers: {} });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${world.readToken}` } }));
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const started = Date.now();
    expect(await c.stop()).toBe(0);
    expect(await closed).toBe(1001);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(c.output()).toContain('shutting down');
    expect(c.output()).toContain('"msg":"stopped"');
  });
});

describe('configuration errors', () => {
  it('stop start-up with a message that says what to fix', async () => {
    const start = spawnServer({ PORT: 'eighty', DATABASE_URL: 'mysql://nope', TRESEN_SECRET: 'short' });
    await expect(start).rejects.toThrow(/exited with 2/);
    const message = await start.catch((error: Error) => error.message);
    expect(message).toMatch(/DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
    expect(message).toMatch(/PORT must be a whole number from 0 to 65535 \(got "eighty"\)/);
    expect(message).toMatch(/TRESEN_SECRET must be at least 32 characters/);
  });
});
