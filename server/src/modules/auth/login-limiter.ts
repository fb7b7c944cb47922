import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../../graphql/errors.js';

/** Failed logins allowed per address and e-mail within the window, and per address overall. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 } as const;

/**
 * Counts failed logins with rate-limiter-flexible, in Redis when there is one (so all instances share
 * the count), in memory otherwise. Only failures count; a success clears the account's counter.
 */
export class LoginLimiter {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(redis: Redis | null) {
    const account = { keyPrefix: 'tresen:login:account', points: LOGIN_LIMITS.perAccount, duration: LOGIN_LIMITS.windowSeconds };
    const address = { keyPrefix: 'tresen:login:address', points: LOGIN_LIMITS.perAddress, duration: LOGIN_LIMITS.windowSeconds };
    this.perAccount = redis ? new RateLimiterRedis({ storeClient: redis, ...account }) : new RateLimiterMemory(account);
    this.perAddress = redis ? new RateLimiterRedis({ storeClient: redis, ...address }) : new RateLimiterMemory(address);
  }

  /** Throws RATE_LIMITED when this address or this address+account has failed too often. */
  async assertAllowed(ip: string, email: string): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(`${ip}|${email}`), this.perAddress.get(ip)]);
    const blocked = [account, address].filter((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0);
    if (blocked.length > 0) {
      const seconds = Math.max(...blocked.map((res) => Math.ceil(res.msBeforeNext / 1000)));
      throw new DomainError(ErrorCode.RateLimited, `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`);
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(`${ip}|${email}`, 1), this.perAddress.penalty(ip, 1)]);
  }

  async recordSuccess(ip: string, email: string): Promise<void> {
    await this.perAccount.delete(`${ip}|${email}`);
  }
}
