import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken, Session } from '../../server/src/modules/auth/auth.entity.js';
import { LOGIN_FAILED } from '../../server/src/modules/auth/auth.service.js';
import { hashSecret } from '../../server/src/modules/auth/tokens.js';
import { PASSWORD, staffFactory, tenantFactory, worldFactory, type World } from '../helpers/factories.js';
import { Gql } from '../helpers/graphql.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id email kind tenant { id } } }';
const ME = '{ me { id email kind } }';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await worldFactory(server.orm, server.url);
});
afterAll(() => server?.close());

describe('login', () => {
  it('signs a staff member in with an HttpOnly, SameSite session cookie', async () => {
    const result = await new Gql(server.url).request<{ login: { email: string; kind: string } }>(LOGIN, { e: world.agent.email.toUpperCase(), p: PASSWORD });
    expect(result.errors).toBeUndefined();
    expect(result.data?.login).toMatchObject({ email: world.agent.email, kind: 'AGENT' });
    const cookie = result.setCookie.find((c) => c.startsWith('tresen_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers a wrong password and an unknown e-mail with the same generic error', async () => {
    const anon = new Gql(server.url);
    const wrongPassword = await anon.request(LOGIN, { e: world.admin.email, p: 'not the password' });
    const unknownEmail = await anon.request(LOGIN, { e: 'nobody@example.test', p: PASSWORD });
    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.errors?.[0]?.message).toBe(LOGIN_FAILED);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.setCookie.some((c) => c.startsWith('tresen_session='))).toBe(false);
    }
  });

  it('rate limits repeated failures for an account, even with the right password afterwards', async () => {
    const tenantId = await tenantFactory(server.orm);
    const victim = await staffFactory(server.orm, tenantId, 'agent');
    const anon = new Gql(server.url);
    for (let i = 0; i < 5; i++) {
      expect((await anon.request(LOGIN, { e: victim.email, p: `guess-${i}-guess` })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await anon.request(LOGIN, { e: victim.email, p: PASSWORD });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.setCookie).toHaveLength(0);
  });

  it('does not let customers sign in to the staff console', async () => {
    // Customers have no password yet; a made-up one must not work either.
    expect(await new Gql(server.url).errorCode(LOGIN, { e: 'customer@example.test', p: PASSWORD })).toBe('UNAUTHENTICATED');
  });

  it('does not accept deactivated staff', async () => {
    const tenantId = await tenantFactory(server.orm);
    const admin = await staffFactory(server.orm, tenantId, 'admin');
    const agent = await staffFactory(server.orm, tenantId, 'agent');
    const asAgent = await Gql.login(server.url, agent.email, PASSWORD);
    const asAdmin = await Gql.login(server.url, admin.email, PASSWORD);
    await asAdmin.data('mutation ($id: ID!) { staffUpdate(input: { id: $id, active: false }) { active } }', { id: agent.id });
    expect((await asAgent.data<{ me: unknown }>(ME)).me).toBeNull();
    expect(await new Gql(server.url).errorCode(LOGIN, { e: agent.email, p: PASSWORD })).toBe('UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  it('ends the session on logout', async () => {
    const client = await Gql.login(server.url, world.agent.email, PASSWORD);
    expect((await client.data<{ me: { id: string } }>(ME)).me.id).toBe(world.agent.id);
    const logout = await client.request('mutation { logout }');
    expect(logout.setCookie.some((c) => /^tresen_session=;/.test(c))).toBe(true);
    expect((await client.data<{ me: unknown }>(ME)).me).toBeNull();
    const stored = await server.orm.em.fork().count(Session, { tenantId: world.tenantId, tokenHash: hashSecret(client.credentials.cookie!) });
    expect(stored).toBe(0);
  });

  it('ends all other sessions on password change, keeping the current one', async () => {
    const tenantId = await tenantFactory(server.orm);
    const agent = await staffFactory(server.orm, tenantId, 'agent');
    const laptop = await Gql.login(server.url, agent.email, PASSWORD);
    const phone = await Gql.login(server.url, agent.email, PASSWORD);
    await laptop.data('mutation ($i: PasswordChangeInput!) { passwordChange(input: $i) }', {
      i: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect((await laptop.data<{ me: unknown }>(ME)).me).not.toBeNull();
    expect((await phone.data<{ me: unknown }>(ME)).me).toBeNull();
    expect(await new Gql(server.url).errorCode(LOGIN, { e: agent.email, p: PASSWORD })).toBe('UNAUTHENTICATED');
    await Gql.login(server.url, agent.email, 'a brand new passphrase');
  });

  it('refuses a password change with a wrong current password or a short new one, changing nothing', async () => {
    const tenantId = await tenantFactory(server.orm);
    const agent = await staffFactory(server.orm, tenantId, 'agent');
    const client = await Gql.login(server.url, agent.email, PASSWORD);
    const wrong = await client.request('mutation ($i: PasswordChangeInput!) { passwordChange(input: $i) }', {
      i: { currentPassword: 'wrong wrong wrong', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await client.request('mutation ($i: PasswordChangeInput!) { passwordChange(input: $i) }', {
      i: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    await Gql.login(server.url, agent.email, PASSWORD);
  });

  it('treats a forged or malformed cookie as signed out', async () => {
    for (const cookie of ['garbage', `${world.tenantId}.${'A'.repeat(43)}`, '../../etc/passwd']) {
      expect((await new Gql(server.url, { cookie }).data<{ me: unknown }>(ME)).me).toBeNull();
    }
  });
});

describe('API tokens', () => {
  it('shows the secret once and stores only its hash', async () => {
    const created = await world.asAdmin.data<{ apiTokenCreate: { token: string; apiToken: { id: string; prefix: string; scope: string } } }>(
      'mutation { apiTokenCreate(input: { name: "CRM sync", scope: READ }) { token apiToken { id prefix scope } } }',
    );
    const { token, apiToken } = created.apiTokenCreate;
    expect(token).toMatch(/^trs_[0-9a-f]{32}_/);
    expect(apiToken.scope).toBe('READ');
    const row = await server.orm.em.fork().findOneOrFail(ApiToken, { tenantId: world.tenantId, id: apiToken.id });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await world.asAdmin.request<{ apiTokens: Record<string, unknown>[] }>('{ apiTokens { id name prefix } }');
    expect(JSON.stringify(listed.data)).not.toContain(token);
  });

  it('lets a read token read but not write, and a read-write token write', async () => {
    expect((await world.asReadToken.data<{ departments: unknown[] }>('{ departments { id } }')).departments.length).toBeGreaterThan(0);
    expect(await world.asReadToken.errorCode('mutation { departmentCreate(input: { name: "By reader" }) { id } }')).toBe('FORBIDDEN');
    const created = await world.asWriteToken.data<{ departmentCreate: { name: string } }>(
      'mutation { departmentCreate(input: { name: "By writer" }) { name } }',
    );
    expect(created.departmentCreate.name).toBe('By writer');
  });

  it('stops a revoked token at once', async () => {
    const created = await world.asAdmin.data<{ apiTokenCreate: { token: string; apiToken: { id: string } } }>(
      'mutation { apiTokenCreate(input: { name: "short-lived", scope: READ }) { token apiToken { id } } }',
    );
    const client = new Gql(server.url, { bearer: created.apiTokenCreate.token });
    await client.data('{ departments { id } }');
    await world.asAdmin.data('mutation ($id: ID!) { apiTokenRevoke(id: $id) { revokedAt } }', { id: created.apiTokenCreate.apiToken.id });
    const refused = await client.request('{ departments { id } }');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects malformed Authorization headers and unknown tokens with 401', async () => {
    for (const header of ['Basic abc', 'Bearer trs_nope', `Bearer trs_${'0'.repeat(32)}_${'x'.repeat(43)}`]) {
      const result = await new Gql(server.url).request('{ departments { id } }', undefined, { authorization: header });
      expect(result.status).toBe(401);
    }
  });

  it('does not let tokens manage tokens or staff', async () => {
    expect(await world.asWriteToken.errorCode('mutation { apiTokenCreate(input: { name: "escalate", scope: READ_WRITE }) { token } }')).toBe('FORBIDDEN');
    expect(await world.asWriteToken.errorCode('{ apiTokens { id } }')).toBe('FORBIDDEN');
    expect(
      await world.asWriteToken.errorCode(
        'mutation { staffCreate(input: { email: "x@example.test", name: "X", password: "long enough pw", role: ADMIN }) { id } }',
      ),
    ).toBe('FORBIDDEN');
  });
});
