import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { sql } from '../../infra/sql.js';
import { isUuid } from '../../shared/ids.js';
import { requireText } from '../../shared/text.js';
import { Tenant, type ITenant } from '../tenants/tenant.entity.js';
import { User, type IUser } from '../users/user.entity.js';
import { ApiToken, Session, type ApiTokenScope, type IApiToken } from './auth.entity.js';
import type { LoginLimiter } from './login-limiter.js';
import { dummyPasswordHash, hashPassword, validateNewPassword, verifyPassword } from './password.js';
import { apiTokenSecretPart, hashSecret, newApiToken, newSessionToken, tenantOfApiToken, tenantOfSessionToken } from './tokens.js';
import { ANONYMOUS, type UserViewer, type Viewer } from './viewer.js';

/** The one message for every failed login: it never says whether the e-mail or the password was wrong. */
export const LOGIN_FAILED = 'E-mail address or password is wrong.';
const API_TOKEN_NAME_MAX = 100;

/** Sign-in, sessions and API tokens. */
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly limiter: LoginLimiter,
    private readonly sessionTtlSeconds: number,
  ) {}

  /**
   * Checks e-mail and password of a staff member and opens a session. Customers cannot sign in here
   * (their portal comes later). Failures are generic and counted per address and account.
   */
  async login(emailInput: string, password: string, ip: string): Promise<{ user: IUser; token: string; expiresAt: Date }> {
    const email = emailInput.trim().toLowerCase();
    await this.limiter.assertAllowed(ip, email);
    const candidates =
      email.length > 0 && email.length <= 320 && password.length <= 1000
        ? await this.em.find(User, { email, active: true, kind: { $in: ['admin', 'agent'] } })
        : [];
    let user: IUser | undefined;
    for (const candidate of candidates) {
      if (candidate.passwordHash && (await verifyPassword(candidate.passwordHash, password))) {
        user = candidate;
        break;
      }
    }
    if (candidates.length === 0) await verifyPassword(await dummyPasswordHash(), password);
    if (!user) {
      await this.limiter.recordFailure(ip, email);
      throw new DomainError(ErrorCode.Unauthenticated, LOGIN_FAILED);
    }
    await this.limiter.recordSuccess(ip, email);
    const token = newSessionToken(user.tenantId);
    const expiresAt = new Date(Date.now() + this.sessionTtlSeconds * 1000);
    this.em.create(Session, { tenantId: user.tenantId, tokenHash: hashSecret(token), userId: user.id, expiresAt });
    await this.em.flush();
    return { user, token, expiresAt };
  }

  /** The signed-in user and their tenant; null for anonymous viewers and API tokens. */
  async me(viewer: Viewer): Promise<{ user: IUser; tenant: ITenant } | null> {
    if (viewer.type !== 'user') return null;
    const user = await this.em.findOne(User, { tenantId: viewer.tenantId, id: viewer.userId });
    const tenant = await this.em.findOne(Tenant, { id: viewer.tenantId });
    return user && tenant ? { user, tenant } : null;
  }

  /** The viewer behind a session cookie; anonymous when it is unknown, expired, or its user was disabled. */
  async viewerFromSession(token: string | undefined): Promise<Viewer> {
    if (!token) return ANONYMOUS;
    const tenantId = tenantOfSessionToken(token);
    if (!tenantId) return ANONYMOUS;
    const sessionHash = hashSecret(token);
    const rows = await this.em.getConnection().execute<{ user_id: string; kind: IUser['kind'] }[]>(
      `select u.id as user_id, u.kind from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
        where s.tenant_id = ? and s.token_hash = ? and s.kind = 'staff' and s.expires_at > now() and u.active and s.created_at >= u.sessions_valid_from`,
      [tenantId, sessionHash],
    );
    const row = rows[0];
    if (!row) return ANONYMOUS;
    return { type: 'user', tenantId, userId: row.user_id, kind: row.kind, sessionHash };
  }

  /**
   * The viewer behind an `Authorization: Bearer` API token. A bad token is an error, not anonymous,
   * so a partner tool learns at once that its token is wrong or revoked.
   */
  async viewerFromApiToken(token: string): Promise<Viewer> {
    const tenantId = tenantOfApiToken(token);
    const apiToken = tenantId ? await this.em.findOne(ApiToken, { tenantId, tokenHash: hashSecret(token), revokedAt: null }) : null;
    if (!apiToken) throw new DomainError(ErrorCode.Unauthenticated, 'The API token is not valid or has been revoked.');
    // Recorded at most once a minute per token to keep reads cheap.
    if (!apiToken.lastUsedAt || Date.now() - apiToken.lastUsedAt.getTime() > 60_000) {
      await this.em.nativeUpdate(ApiToken, { tenantId: apiToken.tenantId, id: apiToken.id }, { lastUsedAt: new Date() });
    }
    return { type: 'token', tenantId: apiToken.tenantId, tokenId: apiToken.id, scope: apiToken.scope };
  }

  /** Whether the session behind this viewer is still valid (re-checked per realtime event). */
  async isStillValid(viewer: Viewer): Promise<boolean> {
    if (viewer.type === 'anonymous') return false;
    const rule = stillValidSql(viewer);
    return (await sql(this.em, `select 1 as ok where ${rule.text}`, rule.params)).length > 0;
  }

  async logout(viewer: UserViewer): Promise<void> {
    await this.em.nativeDelete(Session, { tenantId: viewer.tenantId, tokenHash: viewer.sessionHash });
  }

  /** Changes the viewer's password and ends every other session of theirs; the current one stays. */
  async passwordChange(viewer: UserViewer, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.em.findOneOrFail(User, { tenantId: viewer.tenantId, id: viewer.userId });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw fieldError('currentPassword', 'The current password is wrong.');
    }
    user.passwordHash = await hashPassword(validateNewPassword(newPassword, 'newPassword'));
    const others = await this.em.find(Session, { tenantId: viewer.tenantId, userId: viewer.userId, tokenHash: { $ne: viewer.sessionHash } });
    for (const session of others) this.em.remove(session);
    await this.em.flush();
  }

  /** Stages the end of every session of a user (password set by an admin, deactivation); the caller flushes. */
  async stageEndAllSessions(tenantId: string, userId: string): Promise<void> {
    for (const session of await this.em.find(Session, { tenantId, userId })) this.em.remove(session);
  }

  async apiTokens(tenantId: string): Promise<IApiToken[]> {
    return this.em.find(ApiToken, { tenantId }, { orderBy: { createdAt: 'desc' } });
  }

  /** Creates a token; the secret is returned this once and only its hash is kept. */
  async apiTokenCreate(viewer: UserViewer, nameInput: string, scope: ApiTokenScope): Promise<{ apiToken: IApiToken; token: string }> {
    const name = requireText(nameInput, 'name', API_TOKEN_NAME_MAX);
    const token = newApiToken(viewer.tenantId);
    const apiToken = this.em.create(ApiToken, {
      tenantId: viewer.tenantId,
      name,
      scope,
      tokenHash: hashSecret(token),
      prefix: `trs_…${apiTokenSecretPart(token).slice(0, 6)}`,
      createdById: viewer.userId,
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.em.flush();
    return { apiToken, token };
  }

  async apiTokenRevoke(tenantId: string, id: string): Promise<IApiToken> {
    const apiToken = isUuid(id) ? await this.em.findOne(ApiToken, { tenantId, id }) : null;
    if (!apiToken) throw notFound('API token');
    apiToken.revokedAt ??= new Date();
    await this.em.flush();
    return apiToken;
  }
}

/**
 * isStillValid's rule as an SQL condition, for per-event checks that load their data in the same
 * statement: the session exists, has not expired and began after the user's last "sign out
 * everywhere" while the user is active; or the API token is not revoked.
 */
export function stillValidSql(viewer: Exclude<Viewer, { type: 'anonymous' }>): { text: string; params: unknown[] } {
  if (viewer.type === 'token')
    return {
      text: 'exists (select 1 from api_tokens k where k.tenant_id = ? and k.id = ? and k.revoked_at is null)',
      params: [viewer.tenantId, viewer.tokenId],
    };
  if (viewer.type === 'contact')
    return {
      text: `exists (select 1 from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
               join contacts k on k.tenant_id = s.tenant_id and k.user_id = s.user_id and k.id = ?
             where s.tenant_id = ? and s.token_hash = ? and s.kind = 'portal' and s.expires_at > now() and u.active and s.created_at >= u.sessions_valid_from)`,
      params: [viewer.contactId, viewer.tenantId, viewer.sessionHash],
    };
  return {
    text: `exists (select 1 from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
             where s.tenant_id = ? and s.token_hash = ? and s.kind = 'staff' and s.expires_at > now() and u.active and s.created_at >= u.sessions_valid_from)`,
    params: [viewer.tenantId, viewer.sessionHash],
  };
}
