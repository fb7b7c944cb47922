import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../infra/logger.js';
import { sql } from '../../../infra/sql.js';
import type { TresenPubSub } from '../../../realtime/pubsub.js';
import { MAIL_WORKERS } from '../../../realtime/topics.js';
import type { SecretBox } from '../../../shared/secret-box.js';
import type { MailImporter } from '../import/mail-importer.js';
import type { AfterImport } from '../mailbox.entity.js';
import type { ImapSecurity } from './imap-settings.js';
import { MailboxWatcher, type WatchedMailbox, type WatcherTiming } from './mailbox-watcher.js';

export interface MailWorkerOptions extends WatcherTiming {
  /** A lease not renewed for this long is free for another process. */
  readonly leaseSeconds: number;
  /** How often leases are renewed and free mailboxes looked for. */
  readonly scanSeconds: number;
  /** Only watch mailboxes of tenants this accepts (sharding; tests). Default: all. */
  readonly acceptTenant?: (tenantId: string) => boolean;
}

/** What admins see when the password was sealed under another server secret. */
export const UNREADABLE_PASSWORD = 'The stored password cannot be decrypted: TRESEN_SECRET has changed since it was saved. Enter the password again.';

export const DEFAULT_MAIL_WORKER: MailWorkerOptions = {
  leaseSeconds: 20,
  scanSeconds: 5,
  pollSeconds: 60,
  safetySeconds: 300,
  backoffSeconds: 2,
  maxBackoffSeconds: 300,
};

interface MailboxRow {
  id: string;
  tenant_id: string;
  department_id: string;
  imap_host: string;
  imap_port: number;
  imap_security: ImapSecurity;
  imap_user: string;
  imap_password_enc: string;
  imap_folder: string;
  imap_allow_invalid_certificate: boolean;
  after_import: AfterImport;
  after_import_folder: string | null;
  version: number;
}

/**
 * Runs in every server process. Each mailbox is watched by exactly one process at a time: the one
 * holding its lease in mailbox_leases, renewed every scan. When a holder dies, its lease expires and
 * another process takes the mailbox over within leaseSeconds + scanSeconds.
 */
export class MailWorker {
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly watchers = new Map<string, { watcher: MailboxWatcher; version: number }>();
  /** Mailbox versions whose stored password this process cannot decrypt (reported once each). */
  private readonly unreadable = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private stopped = false;
  private commands: AsyncIterator<unknown> | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: TresenPubSub,
    private readonly box: SecretBox,
    private readonly importer: MailImporter,
    private readonly options: MailWorkerOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    void this.listen();
    void this.scan();
    this.timer = setInterval(() => void this.scan(), this.options.scanSeconds * 1000);
  }

  /** Stops every watcher and gives up its leases so another process can take over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.commands?.return?.();
    await this.scanning;
    await Promise.all([...this.watchers.values()].map(({ watcher }) => watcher.stop()));
    this.watchers.clear();
    await sql(this.em.fork(), 'delete from mailbox_leases where holder = ?', [this.holder]).catch(() => undefined);
  }

  /** Mailboxes this process watches now (for tests and health output). */
  watching(): string[] {
    return [...this.watchers.keys()];
  }

  private async listen(): Promise<void> {
    const subscribe = this.pubSub.subscribe as (topic: 'mailWorker', scope: typeof MAIL_WORKERS) => AsyncIterable<{ kind: string; mailboxId: string }>;
    const iterable = subscribe.call(this.pubSub, 'mailWorker', MAIL_WORKERS);
    const iterator = iterable[Symbol.asyncIterator]();
    this.commands = iterator;
    while (!this.stopped) {
      const next = await iterator.next();
      if (next.done) break;
      const command = next.value;
      if (command.kind === 'refresh') this.watchers.get(command.mailboxId)?.watcher.refresh();
      else void this.scan();
    }
  }

  private scan(): Promise<void> {
    if (this.scanning || this.stopped) return this.scanning ?? Promise.resolve();
    this.scanning = this.scanOnce()
      .catch((error) => this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'mail worker scan failed'))
      .finally(() => {
        this.scanning = null;
      });
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    const em = this.em.fork();
    const rows = (await sql<MailboxRow>(em, 'select * from mailboxes where imap_enabled')).filter((row) => this.options.acceptTenant?.(row.tenant_id) ?? true);
    const wanted = new Map(rows.map((row) => [row.id, row]));
    for (const [id, entry] of this.watchers) {
      const row = wanted.get(id);
      if (!row || row.version !== entry.version) await this.release(id);
    }
    await this.markStopped(em);
    for (const row of rows) {
      if (this.stopped) return;
      // Sealed under another TRESEN_SECRET: say so instead of logging in with an empty password, and
      // leave the mailbox to a process that can read it. A new password (new version) is tried again.
      if (this.box.open(row.imap_password_enc) === null) {
        await this.reportUnreadable(em, row);
        continue;
      }
      const held = await this.claim(em, row);
      const running = this.watchers.get(row.id);
      if (!held) {
        if (running) await this.release(row.id);
        continue;
      }
      if (!running) this.begin(row);
    }
  }

  /** Takes or renews the lease; true when this process holds it afterwards. */
  private async claim(em: EntityManager, row: MailboxRow): Promise<boolean> {
    const result = await sql<{ holder: string }>(
      em,
      `insert into mailbox_leases (mailbox_id, tenant_id, holder, expires_at) values (?, ?, ?, now() + make_interval(secs => ?))
       on conflict (mailbox_id) do update set holder = excluded.holder, expires_at = excluded.expires_at
         where mailbox_leases.holder = excluded.holder or mailbox_leases.expires_at < now()
       returning holder`,
      [row.id, row.tenant_id, this.holder, this.options.leaseSeconds],
    );
    return result[0]?.holder === this.holder;
  }

  /** Mailboxes whose import an admin turned off show as stopped (not as waiting for a process). */
  private async markStopped(em: EntityManager): Promise<void> {
    const off = (
      await sql<{ id: string; tenant_id: string; department_id: string }>(
        em,
        `select m.id, m.tenant_id, m.department_id from mailboxes m
          where not m.imap_enabled and not exists (select 1 from mailbox_states s where s.mailbox_id = m.id and s.connection = 'stopped')`,
      )
    ).filter((row) => this.options.acceptTenant?.(row.tenant_id) ?? true);
    for (const row of off) {
      await sql(
        em,
        `insert into mailbox_states (mailbox_id, tenant_id, connection, updated_at) values (?, ?, 'stopped', now())
         on conflict (mailbox_id) do update set connection = 'stopped', updated_at = now()`,
        [row.id, row.tenant_id],
      );
      await this.pubSub.publish('mailboxChanged', row.tenant_id, { mailboxId: row.id, departmentId: row.department_id, deleted: false });
    }
  }

  private async reportUnreadable(em: EntityManager, row: MailboxRow): Promise<void> {
    const key = `${row.id}:${row.version}`;
    if (this.unreadable.has(key)) return;
    this.unreadable.add(key);
    this.logger.error({ mailboxId: row.id }, 'the stored IMAP password cannot be decrypted (TRESEN_SECRET changed?); enter it again');
    await sql(
      em,
      `insert into mailbox_states (mailbox_id, tenant_id, connection, last_error, last_error_at, updated_at) values (?, ?, 'error', ?, now(), now())
       on conflict (mailbox_id) do update set connection = 'error', last_error = excluded.last_error, last_error_at = now(), updated_at = now()`,
      [row.id, row.tenant_id, UNREADABLE_PASSWORD],
    );
    await this.pubSub.publish('mailboxChanged', row.tenant_id, { mailboxId: row.id, departmentId: row.department_id, deleted: false });
  }

  private begin(row: MailboxRow): void {
    const password = this.box.open(row.imap_password_enc);
    const mailbox: WatchedMailbox = {
      id: row.id,
      tenantId: row.tenant_id,
      departmentId: row.department_id,
      imap: {
        host: row.imap_host,
        port: row.imap_port,
        security: row.imap_security,
        user: row.imap_user,
        password: password ?? '',
        folder: row.imap_folder,
        allowInvalidCertificate: row.imap_allow_invalid_certificate,
      },
      afterImport: row.after_import,
      afterImportFolder: row.after_import_folder,
    };
    this.logger.info({ mailboxId: row.id, holder: this.holder }, 'watching mailbox');
    const watcher = new MailboxWatcher(mailbox, this.em.fork(), this.importer, this.pubSub, this.options, this.logger);
    this.watchers.set(row.id, { watcher, version: row.version });
  }

  private async release(id: string): Promise<void> {
    const entry = this.watchers.get(id);
    this.watchers.delete(id);
    await entry?.watcher.stop();
    const em = this.em.fork();
    await sql(em, 'delete from mailbox_leases where mailbox_id = ? and holder = ?', [id, this.holder]);
    await sql(
      em,
      "update mailbox_states set connection = 'waiting', updated_at = now() where mailbox_id = ? and not exists (select 1 from mailbox_leases where mailbox_id = ?)",
      [id, id],
    );
  }
}
