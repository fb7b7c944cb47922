import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Log levels pino understands. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Everything Tresen reads from its environment, validated once at start-up.
 * This module is the only reader of `process.env` (STYLE.md).
 */
export interface Config {
  /** `production` turns off introspection, field suggestions and error details. */
  readonly env: 'production' | 'development' | 'test';
  /** PostgreSQL URL; unset means: run an embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Redis URL; unset means: events stay in this process (single instance only). */
  readonly redisUrl: string | undefined;
  /** TCP port of the HTTP and WebSocket server. Default 4000; 0 picks a free port. */
  readonly port: number;
  /** Address to bind. Default 127.0.0.1. */
  readonly host: string;
  /** The URL users reach Tresen at; its origin is the one WebSocket upgrades with a cookie must come from. */
  readonly publicUrl: string;
  /** Secret for signing (sessions, message ids) and encrypting stored credentials; at least 32 characters. */
  readonly secret: string;
  /** True when no TRESEN_SECRET was set and a throw-away one is used (development only). */
  readonly secretIsEphemeral: boolean;
  /** Folder for local state (embedded PostgreSQL data). Default ./data. */
  readonly dataDir: string;
  /** First admin, created on first start instead of demo data. */
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  readonly logLevel: LogLevel;
  /** Session lifetime in seconds. Default 14 days. */
  readonly sessionTtlSeconds: number;
  /** Serve the built client from client/dist. Default true. */
  readonly serveClient: boolean;
  /** Largest attachment accepted, in bytes. Default 25 MiB. */
  readonly attachmentMaxBytes: number;
  /** Watch mailboxes (IMAP) in this process. Default true; false for API-only processes. */
  readonly mailWorker: boolean;
  /** Seconds between checks of a mailbox whose server has no IDLE. Default 60. */
  readonly imapPollSeconds: number;
  /** Largest incoming mail imported, in bytes; bigger mail is kept as failed. Default 40 MiB. */
  readonly mailMaxBytes: number;
  /** Worker threads that parse incoming mail in a process with the mail worker; 0: on the event loop. */
  readonly mailParseThreads: number;
  /** A mailbox whose watcher stopped renewing its lease for this long is taken over by another process. Default 20. */
  readonly mailLeaseSeconds: number;
  /** Watch only mailboxes of these tenants (sharding mail work across processes); undefined: all. */
  readonly mailTenants: readonly string[] | undefined;
  /** A send that has not finished after this long (its process died) is tried again. Default 120. */
  readonly sendTimeoutSeconds: number;
  /** First retry of a reply after a temporary failure, in seconds; doubles each time up to an hour. Default 30. */
  readonly sendRetrySeconds: number;
  /** IANA time zone that decides which day recorded time belongs to. Default Europe/Berlin. */
  readonly timeZone: string;
  /** PostgreSQL schema of the job queue (pg-boss). Default pgboss. */
  readonly jobSchema: string;
  /**
   * Proxies whose X-Forwarded-For is believed (express "trust proxy": addresses, CIDR ranges, or
   * loopback / linklocal / uniquelocal). Empty (default): the connection's address is the caller's.
   * Rate limits (sign-in, widget) count per caller address, so behind a load balancer set this.
   */
  readonly trustProxy: readonly string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws a {@link ConfigError} listing every problem at once. */
export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };

  const nodeEnv = value('NODE_ENV') ?? 'development';
  if (nodeEnv !== 'production' && nodeEnv !== 'development' && nodeEnv !== 'test') {
    problems.push(`NODE_ENV must be production, development or test (got "${nodeEnv}").`);
  }

  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${parsed.protocol}//...").`);
      }
    } catch {
      problems.push(`${name} is not a valid URL, e.g. ${protocols[0]}//host:port/...`);
    }
    return raw;
  };

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);

  let port = 4000;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      problems.push(`PORT must be a whole number from 0 to 65535 (got "${rawPort}").`);
    }
  }
  const host = value('HOST') ?? '127.0.0.1';

  const publicUrl = url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;

  let secret = value('TRESEN_SECRET');
  let secretIsEphemeral = false;
  if (secret === undefined) {
    if (nodeEnv === 'production') problems.push('TRESEN_SECRET is required in production: set at least 32 random characters, e.g. `openssl rand -hex 32`.');
    secret = randomBytes(32).toString('hex');
    secretIsEphemeral = true;
  } else if (secret.length < 32) {
    problems.push('TRESEN_SECRET must be at least 32 characters long, e.g. `openssl rand -hex 32`.');
  }

  const dataDir = path.resolve(value('TRESEN_DATA_DIR') ?? 'data');

  const adminEmail = value('TRESEN_ADMIN_EMAIL');
  const adminPassword = value('TRESEN_ADMIN_PASSWORD');
  let admin: Config['admin'];
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    problems.push('Set both TRESEN_ADMIN_EMAIL and TRESEN_ADMIN_PASSWORD, or neither (then demo data is created).');
  } else if (adminEmail !== undefined && adminPassword !== undefined) {
    if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) problems.push(`TRESEN_ADMIN_EMAIL is not an e-mail address (got "${adminEmail}").`);
    if (adminPassword.length < 10) problems.push('TRESEN_ADMIN_PASSWORD must be at least 10 characters long.');
    admin = { email: adminEmail.toLowerCase(), password: adminPassword };
  }

  const logLevel = (value('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);

  let sessionTtlSeconds = 14 * 24 * 3600;
  const rawTtl = value('TRESEN_SESSION_TTL_SECONDS');
  if (rawTtl !== undefined) {
    sessionTtlSeconds = Number(rawTtl);
    if (!Number.isInteger(sessionTtlSeconds) || sessionTtlSeconds < 60)
      problems.push('TRESEN_SESSION_TTL_SECONDS must be a whole number of seconds, at least 60.');
  }

  const rawServe = value('TRESEN_SERVE_CLIENT') ?? 'true';
  if (rawServe !== 'true' && rawServe !== 'false') problems.push('TRESEN_SERVE_CLIENT must be true or false.');

  let attachmentMaxBytes = 25 * 1024 * 1024;
  const rawMax = value('TRESEN_ATTACHMENT_MAX_BYTES');
  if (rawMax !== undefined) {
    attachmentMaxBytes = Number(rawMax);
    if (!Number.isInteger(attachmentMaxBytes) || attachmentMaxBytes < 1024 || attachmentMaxBytes > 1024 * 1024 * 1024) {
      problems.push('TRESEN_ATTACHMENT_MAX_BYTES must be a whole number of bytes from 1024 to 1073741824.');
    }
  }

  const rawWorker = value('TRESEN_MAIL_WORKER') ?? 'true';
  if (rawWorker !== 'true' && rawWorker !== 'false') problems.push('TRESEN_MAIL_WORKER must be true or false.');
  const wholeNumber = (name: string, fallback: number, min: number, max: number, unit: string): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be a whole number of ${unit} from ${min} to ${max} (got "${raw}").`);
    return n;
  };
  const imapPollSeconds = wholeNumber('TRESEN_IMAP_POLL_SECONDS', 60, 1, 3600, 'seconds');
  const mailMaxBytes = wholeNumber('TRESEN_MAIL_MAX_BYTES', 40 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024, 'bytes');
  const mailParseThreads = wholeNumber('TRESEN_MAIL_PARSE_THREADS', Math.max(1, Math.min(4, availableParallelism() - 1)), 0, 64, 'threads');
  const mailLeaseSeconds = wholeNumber('TRESEN_MAIL_LEASE_SECONDS', 20, 2, 300, 'seconds');
  const rawTenants = value('TRESEN_MAIL_TENANTS');
  const mailTenants = rawTenants
    ?.split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
  if (mailTenants?.some((t) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(t)))
    problems.push('TRESEN_MAIL_TENANTS must be a comma-separated list of tenant ids (UUIDs).');
  const sendTimeoutSeconds = wholeNumber('TRESEN_SEND_TIMEOUT_SECONDS', 120, 2, 3600, 'seconds');
  const sendRetrySeconds = wholeNumber('TRESEN_SEND_RETRY_SECONDS', 30, 1, 3600, 'seconds');
  const timeZone = value('TRESEN_TIME_ZONE') ?? 'Europe/Berlin';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`TRESEN_TIME_ZONE must be an IANA time zone such as Europe/Berlin (got "${timeZone}").`);
  }
  const jobSchema = value('TRESEN_JOB_SCHEMA') ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(jobSchema)) problems.push(`TRESEN_JOB_SCHEMA must be a lower-case PostgreSQL name such as pgboss (got "${jobSchema}").`);

  const trustProxy = (value('TRESEN_TRUST_PROXY') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of trustProxy) {
    const [address, prefix, ...rest] = entry.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const family = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!named && (family === 0 || !prefixOk || rest.length > 0))
      problems.push(`TRESEN_TRUST_PROXY takes addresses, CIDR ranges or loopback, linklocal, uniquelocal, comma-separated (got "${entry}").`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    env: nodeEnv as Config['env'],
    databaseUrl,
    redisUrl,
    port,
    host,
    publicUrl,
    secret,
    secretIsEphemeral,
    dataDir,
    admin,
    logLevel,
    sessionTtlSeconds,
    serveClient: rawServe === 'true',
    attachmentMaxBytes,
    mailWorker: rawWorker === 'true',
    imapPollSeconds,
    mailMaxBytes,
    mailParseThreads,
    mailLeaseSeconds,
    mailTenants,
    sendTimeoutSeconds,
    sendRetrySeconds,
    timeZone,
    jobSchema,
    trustProxy,
  });
}
