import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

describe('loadConfig', () => {
  it('has working defaults for a first start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      databaseUrl: undefined,
      redisUrl: undefined,
      port: 4000,
      host: '127.0.0.1',
      secretIsEphemeral: true,
      admin: undefined,
      serveClient: true,
    });
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once, each saying what to fix', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', REDIS_URL: 'http://localhost', TRESEN_ADMIN_EMAIL: 'admin@example.test', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT must be a whole number from 0 to 65535/);
    expect(problems.join('\n')).toMatch(/REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(problems.join('\n')).toMatch(/Set both TRESEN_ADMIN_EMAIL and TRESEN_ADMIN_PASSWORD/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
  });

  it('reads the mail settings and refuses bad ones, naming each', () => {
    expect(loadConfig({})).toMatchObject({
      mailWorker: true,
      imapPollSeconds: 60,
      mailMaxBytes: 40 * 1024 * 1024,
      mailLeaseSeconds: 20,
      mailTenants: undefined,
      mailParseThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    });
    expect(loadConfig({ TRESEN_MAIL_PARSE_THREADS: '0' }).mailParseThreads).toBe(0);
    const tenant = '0b6c3f3e-8a54-4d4c-9a57-1f6f0c0e8d11';
    expect(loadConfig({ TRESEN_MAIL_WORKER: 'false', TRESEN_MAIL_TENANTS: ` ${tenant.toUpperCase()} ,` })).toMatchObject({
      mailWorker: false,
      mailTenants: [tenant],
    });
    let error: unknown;
    try {
      loadConfig({
        TRESEN_MAIL_WORKER: 'yes',
        TRESEN_IMAP_POLL_SECONDS: '0',
        TRESEN_MAIL_MAX_BYTES: '1.5',
        TRESEN_MAIL_LEASE_SECONDS: '9999',
        TRESEN_MAIL_TENANTS: 'acme',
        TRESEN_MAIL_PARSE_THREADS: '-1',
      });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect((error as ConfigError).problems).toHaveLength(6);
    expect(problems).toMatch(/TRESEN_MAIL_WORKER must be true or false/);
    expect(problems).toMatch(/TRESEN_IMAP_POLL_SECONDS must be a whole number of seconds from 1 to 3600 \(got "0"\)/);
    expect(problems).toMatch(/TRESEN_MAIL_MAX_BYTES must be a whole number of bytes/);
    expect(problems).toMatch(/TRESEN_MAIL_LEASE_SECONDS must be a whole number of seconds from 2 to 300/);
    expect(problems).toMatch(/TRESEN_MAIL_TENANTS must be a comma-separated list of tenant ids/);
    expect(problems).toMatch(/TRESEN_MAIL_PARSE_THREADS must be a whole number of threads from 0 to 64 \(got "-1"\)/);
  });

  it('reads the outbox settings and refuses bad ones', () => {
    expect(loadConfig({})).toMatchObject({ sendTimeoutSeconds: 120, sendRetrySeconds: 30, jobSchema: 'pgboss', timeZone: 'Europe/Berlin' });
    expect(() => loadConfig({ TRESEN_TIME_ZONE: 'Mars/Olympus' })).toThrow(/TRESEN_TIME_ZONE must be an IANA time zone/);
    let error: unknown;
    try {
      loadConfig({ TRESEN_SEND_TIMEOUT_SECONDS: '1', TRESEN_SEND_RETRY_SECONDS: 'soon', TRESEN_JOB_SCHEMA: 'pg-boss; drop table x' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/TRESEN_SEND_TIMEOUT_SECONDS must be a whole number of seconds from 2 to 3600/);
    expect(problems).toMatch(/TRESEN_SEND_RETRY_SECONDS must be a whole number of seconds from 1 to 3600/);
    expect(problems).toMatch(/TRESEN_JOB_SCHEMA must be a lower-case PostgreSQL name/);
  });

  it('reads the trusted proxies and refuses what is not an address, a range or a known name', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRESEN_TRUST_PROXY: 'loopback, 10.0.0.0/8 ,fd00::/8,192.0.2.7' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
    for (const bad of ['everyone', '10.0.0.0/33', '10.0.0.1/8/1', 'fd00::/129', 'true']) {
      expect(() => loadConfig({ TRESEN_TRUST_PROXY: bad }), bad).toThrow(/TRESEN_TRUST_PROXY takes addresses/);
    }
  });

  it('requires a secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TRESEN_SECRET is required in production/);
  });

  it('lower-cases the first admin e-mail and checks the password length', () => {
    expect(loadConfig({ TRESEN_ADMIN_EMAIL: 'Boss@Example.test', TRESEN_ADMIN_PASSWORD: 'long enough!' }).admin).toEqual({
      email: 'boss@example.test',
      password: 'long enough!',
    });
    expect(() => loadConfig({ TRESEN_ADMIN_EMAIL: 'boss@example.test', TRESEN_ADMIN_PASSWORD: 'short' })).toThrow(/at least 10 characters/);
  });
});
