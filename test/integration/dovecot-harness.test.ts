import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot, type DovecotAccount } from '../helpers/dovecot.js';
import { eventually } from '../helpers/graphql.js';
import { newMessageId, rawMail } from '../helpers/mail.js';

/** The IMAP test server itself: the mail tests rely on each of these properties. */
let dovecot: Dovecot;
let noIdle: Dovecot;

beforeAll(async () => {
  [dovecot, noIdle] = await Promise.all([startDovecot(), startDovecot({ idle: false })]);
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), noIdle?.stop()]);
});

function client(server: Dovecot, account: DovecotAccount): ImapFlow {
  return new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: account.user, pass: account.password },
    logger: false,
  });
}

async function withClient<T>(server: Dovecot, account: DovecotAccount, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = client(server, account);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.logout().catch(() => c.close());
  }
}

describe('the Dovecot test server', () => {
  it('stores appended mail and lists it with UIDs, flags and Message-IDs', async () => {
    const account = await dovecot.createUser();
    const first = newMessageId();
    const second = newMessageId();
    const a = await dovecot.append(account.user, 'INBOX', rawMail({ messageId: first }), ['\\Seen']);
    const b = await dovecot.append(account.user, 'INBOX', Buffer.from(rawMail({ messageId: second })));
    expect(b.uid).toBeGreaterThan(a.uid);
    expect(b.uidValidity).toBe(a.uidValidity);
    expect(await dovecot.list(account.user, 'INBOX')).toEqual([
      { uid: a.uid, flags: ['\\Seen'], messageId: first },
      { uid: b.uid, flags: [], messageId: second },
    ]);
    expect(await dovecot.list(account.user, 'Archive')).toEqual([]);
    expect(await dovecot.list(account.user, 'Processed')).toEqual([]);
  });

  it('keeps users apart, including users added a moment ago', async () => {
    const [alice, bob] = [await dovecot.createUser(), await dovecot.createUser()];
    await dovecot.append(alice.user, 'INBOX', rawMail({ subject: 'Nur für Alice' }));
    expect(await dovecot.list(alice.user, 'INBOX')).toHaveLength(1);
    expect(await dovecot.list(bob.user, 'INBOX')).toHaveLength(0);
    await expect(withClient(dovecot, { user: bob.user, password: alice.password }, async () => undefined)).rejects.toMatchObject({
      authenticationFailed: true,
    });
  });

  it('gives a folder a new UIDVALIDITY and keeps its messages', async () => {
    const account = await dovecot.createUser();
    const ids = [newMessageId(), newMessageId(), newMessageId()];
    for (const id of ids) await dovecot.append(account.user, 'INBOX', rawMail({ messageId: id }), ['\\Seen']);
    const status = () =>
      withClient(dovecot, account, async (c) => {
        const result = await c.status('INBOX', { uidValidity: true, messages: true });
        if (!result) throw new Error('STATUS failed');
        return result;
      });
    const before = await status();
    const holder = client(dovecot, account);
    await holder.connect();
    try {
      await holder.mailboxOpen('INBOX');
      await dovecot.resetUidValidity(account.user, 'INBOX');
      // Like a real server, Dovecot ends a session whose view of the folder is no longer valid.
      await holder.noop().catch(() => undefined);
      await eventually(() => !holder.usable, 'the session with the old UIDVALIDITY to be closed', 2000);
    } finally {
      holder.close();
    }
    const after = await status();
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect(after.messages).toBe(3);
    const listed = await dovecot.list(account.user, 'INBOX');
    expect(listed.map((m) => m.messageId)).toEqual(ids);
    expect(listed.every((m) => m.flags.includes('\\Seen'))).toBe(true);
    const next = await dovecot.append(account.user, 'INBOX', rawMail());
    expect(BigInt(next.uidValidity)).toBe(after.uidValidity);
  });

  it('announces IDLE by default and not with idle: false', async () => {
    const capabilities = async (server: Dovecot) => withClient(server, await server.createUser(), async (c) => [...c.capabilities.keys()]);
    const [withIdle, without] = await Promise.all([capabilities(dovecot), capabilities(noIdle)]);
    expect(withIdle).toContain('IDLE');
    expect(without).not.toContain('IDLE');
    expect(without).toEqual(expect.arrayContaining(['UIDPLUS', 'MOVE', 'CONDSTORE']));
  });

  it('tells a client in IDLE about mail another connection appends', async () => {
    const account = await dovecot.createUser();
    await withClient(dovecot, account, async (c) => {
      await c.mailboxOpen('INBOX');
      const counts: number[] = [];
      c.on('exists', (event: { count: number }) => counts.push(event.count));
      void c.idle();
      await eventually(() => c.idling, 'the client to be in IDLE', 2000);
      await dovecot.append(account.user, 'INBOX', rawMail());
      await eventually(() => counts.includes(1), 'the EXISTS notification', 3000);
    });
  });
});
