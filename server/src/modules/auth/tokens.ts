import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../../shared/ids.js';

/** SHA-256 of a secret, hex. Tokens are long random values, so a fast hash is the right tool (no salt needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * A session token is `<tenantId>.<random>`: the tenant part lets the lookup lead with tenant_id like
 * every other key, the random part (256 bits) is the secret.
 */
export function newSessionToken(tenantId: string): string {
  return `${tenantId}.${randomBytes(32).toString('base64url')}`;
}

/** An API token is `trs_<tenantId without dashes>_<random>`; the prefix makes leaked tokens easy to scan for. */
export function newApiToken(tenantId: string): string {
  return `trs_${tenantId.replaceAll('-', '')}_${randomBytes(32).toString('base64url')}`;
}

/** Length of `trs_<32 hex>_`, after which the random part of an API token starts (it may itself contain `_`). */
const API_TOKEN_HEAD = 'trs_'.length + 32 + 1;

/** The random part of an API token, e.g. for a recognisable prefix. */
export function apiTokenSecretPart(token: string): string {
  return token.slice(API_TOKEN_HEAD);
}

/** The tenant a session token claims; null when the token is malformed. */
export function tenantOfSessionToken(token: string): string | null {
  const [tenantId, secret, ...rest] = token.split('.');
  if (rest.length > 0 || !tenantId || !secret || !isUuid(tenantId) || secret.length < 40) return null;
  return tenantId;
}

/** The tenant an API token claims; null when the token is malformed. */
export function tenantOfApiToken(token: string): string | null {
  const match = /^trs_([0-9a-f]{32})_[A-Za-z0-9_-]{40,}$/.exec(token);
  if (!match?.[1]) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
