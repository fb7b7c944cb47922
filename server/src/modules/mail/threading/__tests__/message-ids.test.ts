import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MessageIdSigner } from '../message-ids.js';

describe('MessageIdSigner', () => {
  const signer = new MessageIdSigner('a-server-secret-of-at-least-32-characters');
  const tenantId = randomUUID();
  const ticketId = randomUUID();

  it('creates ids that name their ticket, unique per message', () => {
    const id = signer.create(tenantId, ticketId, 'support.example');
    expect(id).toMatch(/^tresen\.[0-9a-f-]{36}\.[a-z0-9]+\.[0-9a-f]{32}@support\.example$/);
    expect(signer.ticketOf(tenantId, id)).toBe(ticketId);
    expect(signer.ticketOf(tenantId, id.toUpperCase().replace('@SUPPORT.EXAMPLE', '@support.example'))).toBe(ticketId);
    expect(signer.create(tenantId, ticketId, 'support.example')).not.toBe(id);
  });

  it('rejects a changed ticket, nonce or mac, another tenant, another secret, and foreign ids', () => {
    const id = signer.create(tenantId, ticketId, 'support.example');
    const otherTicket = randomUUID();
    expect(signer.ticketOf(tenantId, id.replace(ticketId, otherTicket))).toBeNull();
    expect(signer.ticketOf(tenantId, id.replace(/\.([a-z0-9]+)\.([0-9a-f]{32})@/, '.zzzz.$2@'))).toBeNull();
    expect(
      signer.ticketOf(
        tenantId,
        id.replace(/[0-9a-f]@/, (m) => `${m[0] === '0' ? '1' : '0'}@`),
      ),
    ).toBeNull();
    expect(signer.ticketOf(randomUUID(), id)).toBeNull();
    expect(new MessageIdSigner('another-server-secret-of-32-characters!').ticketOf(tenantId, id)).toBeNull();
    expect(signer.ticketOf(tenantId, 'CAFxyz@mail.gmail.com')).toBeNull();
    expect(signer.ticketOf(tenantId, `tresen.not-a-uuid-at-all-but-36-chars-long.abc.${'0'.repeat(32)}@x`)).toBeNull();
  });
});
