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
