import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiTokenSecretPart, hashSecret, newApiToken, newSessionToken, tenantOfApiToken, tenantOfSessionToken } from '../tokens.js';
import { rolesOf } from '../viewer.js';

describe('tokens', () => {
  const tenantId = randomUUID();

  it('round-trips the tenant through session and API tokens', () => {
    expect(tenantOfSessionToken(newSessionToken(tenantId))).toBe(tenantId);
    expect(tenantOfApiToken(newApiToken(tenantId))).toBe(tenantId);
  });

  it('makes tokens that differ every time and carry 256 random bits', () => {
    const tokens = Array.from({ length: 200 }, () => newApiToken(tenantId));
    expect(new Set(tokens).size).toBe(200);
    // base64url of 32 bytes is 43 characters, and may itself contain "_".
    for (const token of tokens) expect(apiTokenSecretPart(token)).toHaveLength(43);
  });

  it.each(['', 'x', `${tenantId}.short`, `not-a-uuid.${'a'.repeat(43)}`, `${tenantId}.${'a'.repeat(43)}.extra`])(
    'rejects the malformed session token %j',
    (token) => {
      expect(tenantOfSessionToken(token)).toBeNull();
    },
  );

  it.each(['', 'trs_', `trs_${'g'.repeat(32)}_${'a'.repeat(43)}`, `tok_${'0'.repeat(32)}_${'a'.repeat(43)}`, `trs_${'0'.repeat(32)}_short`])(
    'rejects the malformed API token %j',
    (token) => {
      expect(tenantOfApiToken(token)).toBeNull();
    },
  );

  it('hashes with SHA-256', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('rolesOf', () => {
  it('maps each kind of viewer to its roles', () => {
    expect(rolesOf({ type: 'anonymous' })).toEqual([]);
    expect(rolesOf({ type: 'user', tenantId: 't', userId: 'u', kind: 'admin', sessionHash: 'h' })).toEqual(['ADMIN']);
    expect(rolesOf({ type: 'user', tenantId: 't', userId: 'u', kind: 'customer', sessionHash: 'h' })).toEqual(['CUSTOMER']);
    expect(rolesOf({ type: 'token', tenantId: 't', tokenId: 'k', scope: 'read' })).toEqual(['PARTNER_READ']);
    expect(rolesOf({ type: 'token', tenantId: 't', tokenId: 'k', scope: 'read_write' })).toEqual(['PARTNER_READ', 'PARTNER_WRITE']);
  });
});
