import { ImapFlow } from 'imapflow';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../infra/logger.js';
import { sql } from '../../../infra/sql.js';
import { pgArray } from '../../tickets/ticket.filter.js';
import type { TresenPubSub } from '../../../realtime/pubsub.js';
import type { MailImporter, PreparedBatch } from '../import/mail-importer.js';
import type { AfterImport } from '../mailbox.entity.js';
import { imapFlowOptions, type ImapSettings } from './imap-settings.js';

/** What the admin sees of a watcher (mailbox_states.connection). */
export type ConnectionState = 'waiting' | 'connecting' | 'idle' | 'polling' | 'error' | 'stopped';

export interface WatchedMailbox {
  readonly id: string;
  readonly tenantId: string;
  readonly departmentId: string;
  readonly imap: ImapSettings;
  readonly afterImport: AfterImport;
  readonly afterImportFolder: string | null;
}

export interface WatcherTiming {
  /** How often to look for mail when the server has no IDLE. */
  readonly pollSeconds: number;
  /** A full check even with IDLE, in case a notification was missed. */
  readonly safetySeconds: number;
  /** First reconnect delay; doubles up to maxBackoffSeconds. */
  readonly backoffSeconds: number;
  readonly maxBackoffSeconds: number;
}

/** At most this many messages are fetched in one round trip and imported in one transaction… */
const BATCH_MESSAGES = 100;
/** …and at most this many bytes (by the server's RFC822.SIZE; a larger message goes alone). */
const BATCH_BYTES = 8 * 1024 * 1024;
/** A sync's first batch is small, so that writing starts while the next batch is read. */
const FIRST_BATCH_MESSAGES = 10;
/** UIDs whose sizes are asked for in one round trip. */
const SIZE_WINDOW = 500;

/**
 * Watches one mailbox while this process holds its lease: connects, imports every message above the
 * committed UID (never by UNSEEN, so a mail client reading the box changes nothing), then waits in
 * IDLE (or polls when the server has no IDLE) and reconnects with backoff when the connection drops.
 * The server-side action (flag, move, delete) runs only after the import committed, and is redone
 * after a crash from the rows still marked not done.
 */
export class MailboxWatcher {
  private client: ImapFlow | null = null;
  private running = true;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private wake: (() => void) | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly mailbox: WatchedMailbox,
    private readonly em: EntityManager,
    private readonly importer: MailImporter,
    private readonly pubSub: TresenPubSub,
    private readonly timing: WatcherTiming,
    private readonly logger: Logger,
  ) {
    this.done = this.run();
  }

  /** Checks for new mail now ("refresh messages"). */
  refresh(): void {
    this.requestSync();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    const client = this.client;
    if (client) {
      try {
        await Promise.race([client.logout(), sleep(2000)]);
      } catch {
        // closing anyway
      }
      client.close();
    }
    await this.done;
  }

  private async run(): Promise<void> {
    let backoff = this.timing.backoffSeconds;
    while (this.running) {
      try {
        await this.setState('connecting', null);
        await this.session();
        backoff = this.timing.backoffSeconds;
      } catch (error) {
        if (!this.running) break;
        const message = describe(error);
        this.logger.warn({ mailboxId: this.mailbox.id, err: message }, 'mailbox connection failed; reconnecting');
        await this.setState('error', message);
        await this.pause(backoff * 1000);
        backoff = Math.min(backoff * 2, this.timing.maxBackoffSeconds);
      }
    }
  }

  /** One connection's life: returns when it closes (or the watcher stops); throws on failure. */
  private async session(): Promise<void> {
    const client = new ImapFlow({ ...imapFlowOptions(this.mailbox.imap), autoIdleDelay: 300, maxIdleTime: this.timing.pollSeconds * 1000 });
    this.client = client;
    let closed = false;
    const closedPromise = new Promise<void>((resolve) => {
      client.on('close', () => {
        closed = true;
        resolve();
        this.wake?.();
      });
    });
    client.on('error', (error: Error) => this.logger.debug({ mailboxId: this.mailbox.id, err: error.message }, 'imap error'));
    client.on('exists', () => this.requestSync());
    await client.connect();
    try {
      await client.mailboxOpen(this.mailbox.imap.folder);
      const idle = client.capabilities.has('IDLE');
      await this.sync();
      await this.setState(idle ? 'idle' : 'polling', null);
      const every = (idle ? this.timing.safetySeconds : this.timing.pollSeconds) * 1000;
      while (this.running && !closed) {
        await this.pause(every);
        if (!this.running || closed) break;
        await this.sync();
        await this.setState(idle ? 'idle' : 'polling', null);
      }
      if (this.running && closed) throw new Error('The IMAP server closed the connection.');
      await closedPromise.catch(() => undefined);
    } finally {
      this.client = null;
      if (!closed) client.close();
    }
  }

  private requestSync(): void {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    void this.sync().catch((error) => this.logger.warn({ mailboxId: this.mailbox.id, err: describe(error) }, 'sync failed'));
  }

  /** Imports everything new; concurrent requests fold into one more pass. */
  private async sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        await this.syncOnce();
      } while (this.syncAgain && this.running);
    })().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const client = this.client;
    if (!client || !client.usable || !client.mailbox) return;
    const uidValidity = Number(client.mailbox.uidValidity);
    const state = await sql<{ uid_validity: string | null; last_uid: string }>(
      this.em.fork(),
      'select uid_validity, last_uid from mailbox_states where mailbox_id = ?',
      [this.mailbox.id],
    );
    const known = state[0];
    let lastUid = known ? Number(known.last_uid) : 0;
    if (known?.uid_validity != null && Number(known.uid_validity) !== uidValidity) {
      // The server renumbered the folder: read it all again; identical mail is recognised as a duplicate.
      this.logger.warn({ mailboxId: this.mailbox.id, was: known.uid_validity, now: uidValidity }, 'UIDVALIDITY changed: rescanning the folder');
      lastUid = 0;
    }
    await this.finishPending(client, uidValidity);
    const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
    const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
    const batches = this.batchesFrom(client, uids);
    // While one batch is written, the next is fetched and read (parsing is CPU, writing mostly waits).
    const fetchBatch = async (chunk: number[]): Promise<PreparedBatch> => {
      const messages = await client.fetchAll(chunk.join(','), { uid: true, source: true, internalDate: true }, { uid: true });
      return this.importer.prepare(
        messages
          .filter((message) => message.source)
          .sort((a, b) => a.uid - b.uid)
          .map((message) => ({
            uidValidity,
            uid: message.uid,
            raw: message.source!,
            receivedAt: message.internalDate instanceof Date ? message.internalDate : message.internalDate ? new Date(message.internalDate) : null,
          })),
      );
    };
    const readNext = async (): Promise<PreparedBatch | null> => {
      const uids = await batches.next();
      return uids.done ? null : fetchBatch(uids.value);
    };
    // A read-ahead may be left behind (this batch fails, or the watcher stops and logs out while it
    // fetches): its rejection must not go unhandled.
    const readAhead = () => {
      const read = readNext();
      read.catch(() => undefined);
      return read;
    };
    let next = readAhead();
    // The server-side action of a committed batch runs while the next batch is written, in order.
    let serverSide: Promise<void> = Promise.resolve();
    while (this.running) {
      const batch = await next;
      if (!batch) break;
      next = readAhead();
      const outcomes = await this.importer.importPrepared(this.mailbox, batch);
      const imported = batch.prepared.filter((_, j) => outcomes[j]!.status !== 'already').map((p) => p.message.uid);
      await serverSide;
      serverSide = this.afterImport(client, uidValidity, imported);
      serverSide.catch(() => undefined);
    }
    await serverSide;
  }

  /**
   * The UIDs in import batches, by the sizes the server reports, asked for SIZE_WINDOW UIDs at a
   * time as the batches are taken (a backlog of 10,000 need not be listed before the first import).
   */
  private async *batchesFrom(client: ImapFlow, uids: readonly number[]): AsyncGenerator<number[]> {
    for (let i = 0; i < uids.length; i += SIZE_WINDOW) {
      const sizes = await client.fetchAll(uids.slice(i, i + SIZE_WINDOW).join(','), { uid: true, size: true }, { uid: true });
      const listed = sizes.map((m) => ({ uid: m.uid, size: m.size ?? 0 })).sort((a, b) => a.uid - b.uid);
      yield* batchesOf(listed, BATCH_MESSAGES, BATCH_BYTES, i === 0 ? FIRST_BATCH_MESSAGES : BATCH_MESSAGES);
    }
  }

  /** Server-side actions that a crash (or a failed move) left undone. */
  private async finishPending(client: ImapFlow, uidValidity: number): Promise<void> {
    const pending = await sql<{ uid: string }>(
      this.em.fork(),
      'select uid from inbound_mails where mailbox_id = ? and uid_validity = ? and not server_done order by uid',
      [this.mailbox.id, uidValidity],
    );
    if (pending.length > 0)
      await this.afterImport(
        client,
        uidValidity,
        pending.map((r) => Number(r.uid)),
      );
  }

  private async afterImport(client: ImapFlow, uidValidity: number, uids: number[]): Promise<void> {
    if (uids.length === 0) return;
    const range = uids.join(',');
    const { afterImport, afterImportFolder } = this.mailbox;
    if (afterImport === 'seen') await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
    else if (afterImport === 'move' && afterImportFolder) await client.messageMove(range, afterImportFolder, { uid: true });
    else if (afterImport === 'delete') await client.messageDelete(range, { uid: true });
    await sql(this.em.fork(), `update inbound_mails set server_done = true where mailbox_id = ? and uid_validity = ? and uid = any(?::bigint[])`, [
      this.mailbox.id,
      uidValidity,
      pgArray(uids),
    ]);
  }

  private async setState(connection: ConnectionState, error: string | null): Promise<void> {
    const { id, tenantId, departmentId } = this.mailbox;
    try {
      await sql(
        this.em.fork(),
        `insert into mailbox_states (mailbox_id, tenant_id, connection, last_error, last_error_at, updated_at) values (?, ?, ?, ?, case when ?::text is null then null else now() end, now())
         on conflict (mailbox_id) do update set connection = excluded.connection, updated_at = now(),
           last_error = coalesce(excluded.last_error, case when excluded.connection in ('idle', 'polling') then null else mailbox_states.last_error end),
           last_error_at = case when excluded.last_error is not null then now() when excluded.connection in ('idle', 'polling') then null else mailbox_states.last_error_at end`,
        [id, tenantId, connection, error, error],
      );
      await this.pubSub.publish('mailboxChanged', tenantId, { mailboxId: id, departmentId, deleted: false });
    } catch (err) {
      this.logger.debug({ mailboxId: id, err: describe(err) }, 'could not record mailbox state');
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}

/**
 * UIDs in order, cut into batches of at most `count` messages (`firstCount` for the first) and
 * `bytes` bytes (a larger message alone).
 */
export function batchesOf(messages: readonly { uid: number; size: number }[], count: number, bytes: number, firstCount = count): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const message of messages) {
    const limit = batches.length === 0 ? firstCount : count;
    if (current.length > 0 && (current.length >= limit || size + message.size > bytes)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(message.uid);
    size += message.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as { responseText?: string }).responseText;
    return response ? `${error.message}: ${response}` : error.message;
  }
  return String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
