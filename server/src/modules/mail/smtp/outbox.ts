import type { EntityManager } from '@mikro-orm/postgresql';
import { fromKysely, PgBoss, type Job, type JobResult } from 'pg-boss';
import type { Logger } from '../../../infra/logger.js';
import type { MailSender } from './mail-sender.js';

/** The pg-boss queue of replies to send. */
export const SEND_QUEUE = 'mail-send';

export interface OutboxOptions {
  /** Retries after a temporary failure (timeouts, 4xx) before the reply is marked failed. */
  retryLimit: number;
  /** First retry delay in seconds; it doubles with every retry (with jitter) up to retryDelayMax. */
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  /** A send that has not finished after this long (a process died mid-send) is tried again. */
  expireSeconds: number;
  /** How often an idle worker looks for work (pg-boss polls; at least 0.5). */
  pollSeconds: number;
  /** Fetch loops of this process; each takes up to `batchSize` jobs and sends them side by side. */
  concurrency: number;
  /** Jobs one fetch takes. */
  batchSize: number;
  /** PostgreSQL schema of pg-boss's tables. Processes that share work share it. */
  schema: string;
}

export const DEFAULT_OUTBOX: OutboxOptions = {
  retryLimit: 8,
  retryDelaySeconds: 30,
  retryDelayMaxSeconds: 3600,
  expireSeconds: 120,
  pollSeconds: 1,
  concurrency: 2,
  batchSize: 8,
  schema: 'pgboss',
};

export interface SendJob {
  tenantId: string;
  messageId: string;
}

/**
 * The transactional outbox: a reply's send job is written by pg-boss in the same transaction as the
 * reply (so neither exists without the other), and workers in any process send it. Every process
 * can enqueue; only processes with the mail worker on also send.
 */
export class Outbox {
  private readonly boss: PgBoss;
  private started = false;
  private stopping = false;

  constructor(
    databaseUrl: string,
    private readonly options: OutboxOptions,
    private readonly logger: Logger,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: options.schema,
      max: 4,
      application_name: 'tresen-outbox',
      // Sends whose process died are found by the supervisor: look often enough to retry them soon after they expire.
      superviseIntervalSeconds: Math.max(1, Math.min(60, Math.floor(options.expireSeconds / 4))),
      monitorIntervalSeconds: Math.max(1, Math.min(60, Math.floor(options.expireSeconds / 4))),
    });
    // Connections end while stopping (and the embedded database stops after us): not worth a warning then.
    this.boss.on('error', (error: Error) => {
      if (!this.stopping) this.logger.warn({ err: error.message }, 'outbox (pg-boss) error');
    });
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(SEND_QUEUE, this.retryPolicy());
    this.started = true;
  }

  /** Starts sending in this process. */
  async work(sender: MailSender): Promise<void> {
    // Each job of a batch settles on its own: a temporary failure retries that reply only.
    const handler = async (jobs: Job<SendJob>[]): Promise<JobResult[]> =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            await sender.send(job.data, { attempt: job.retryCount, lastAttempt: job.retryCount >= this.options.retryLimit });
            return { id: job.id, status: 'completed' as const };
          } catch (error) {
            return { id: job.id, status: 'failed' as const, output: { message: error instanceof Error ? error.message : String(error) } };
          }
        }),
      );
    await this.boss.work<SendJob>(
      SEND_QUEUE,
      {
        pollingIntervalSeconds: this.options.pollSeconds,
        localConcurrency: this.options.concurrency,
        batchSize: this.options.batchSize,
        // While fetches come back full there is a backlog: fetch again at once instead of polling.
        burstWhenBatchFull: true,
        perJobResults: true,
      },
      handler,
    );
  }

  /** Writes the send job inside the transaction of `em` (the reply's transaction). */
  async enqueue(em: EntityManager, job: SendJob): Promise<void> {
    if (!this.started) throw new Error('the outbox is not started');
    const trx = em.getTransactionContext();
    if (!trx) throw new Error('enqueue needs the transaction that writes the reply');
    // The policy travels with each job: a queue keeps the options it was created with.
    await this.boss.send(SEND_QUEUE, { ...job }, { ...this.retryPolicy(), db: fromKysely(trx as never) });
  }

  private retryPolicy() {
    return {
      retryLimit: this.options.retryLimit,
      retryDelay: this.options.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: this.options.retryDelayMaxSeconds,
      expireInSeconds: this.options.expireSeconds,
    };
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopping = true;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
