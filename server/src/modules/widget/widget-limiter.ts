import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../../graphql/errors.js';

/**
 * Requests allowed per sending IP address (every post counts, also refused ones) and per e-mail
 * address (accepted requests), per tenant. An office behind one address can still send a handful
 * of requests in ten minutes; a script cannot fill the inbox.
 */
export const WIDGET_RATE_LIMITS = { perIp: 10, perIpSeconds: 10 * 60, perAddress: 5, perAddressSeconds: 60 * 60 } as const;

/** rate-limiter-flexible, in Redis when there is one (shared by all instances), in memory otherwise. */
export class WidgetLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(redis: Redis | null) {
    const ip = { keyPrefix: 'tresen:widget:ip', points: WIDGET_RATE_LIMITS.perIp, duration: WIDGET_RATE_LIMITS.perIpSeconds };
    const address = { keyPrefix: 'tresen:widget:address', points: WIDGET_RATE_LIMITS.perAddress, duration: WIDGET_RATE_LIMITS.perAddressSeconds };
    this.perIp = redis ? new RateLimiterRedis({ storeClient: redis, ...ip }) : new RateLimiterMemory(ip);
    this.perAddress = redis ? new RateLimiterRedis({ storeClient: redis, ...address }) : new RateLimiterMemory(address);
  }

  /** Counts one post from this IP; throws RATE_LIMITED once the IP has used its allowance. */
  async consumeIp(tenantId: string, ip: string): Promise<void> {
    await this.consume(this.perIp, `${tenantId}|${ip}`);
  }

  /** Counts one request for this e-mail address; throws RATE_LIMITED once the address has used its allowance. */
  async consumeAddress(tenantId: string, email: string): Promise<void> {
    await this.consume(this.perAddress, `${tenantId}|${email.toLowerCase()}`);
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const minutes = Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000));
      throw Object.assign(new DomainError(ErrorCode.RateLimited, `Too many requests. Please try again in ${minutes} minute(s).`), {
        retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000),
      });
    }
  }
}
