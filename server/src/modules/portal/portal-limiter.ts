import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../../graphql/errors.js';

/** Sign-in mails (one-time links, resets) allowed per e-mail address and per caller address and hour. */
export const PORTAL_MAIL_LIMITS = { perEmail: 5, perAddress: 20, windowSeconds: 3600 } as const;

/**
 * Limits how often anyone can make the portal send sign-in mail: per e-mail address (nobody's inbox
 * is flooded) and per caller address (nobody walks a list of addresses). Counts every request,
 * known address or not, so the limit itself says nothing about who is a customer. In Redis when
 * there is one, so all processes share the counts.
 */
export class PortalLimiter {
  private readonly perEmail: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(redis: Redis | null) {
    const email = { keyPrefix: 'tresen:portal-mail:email', points: PORTAL_MAIL_LIMITS.perEmail, duration: PORTAL_MAIL_LIMITS.windowSeconds };
    const address = { keyPrefix: 'tresen:portal-mail:address', points: PORTAL_MAIL_LIMITS.perAddress, duration: PORTAL_MAIL_LIMITS.windowSeconds };
    this.perEmail = redis ? new RateLimiterRedis({ storeClient: redis, ...email }) : new RateLimiterMemory(email);
    this.perAddress = redis ? new RateLimiterRedis({ storeClient: redis, ...address }) : new RateLimiterMemory(address);
  }

  /** Counts one request; throws RATE_LIMITED when this e-mail or this caller asked too often. */
  async consume(ip: string, email: string): Promise<void> {
    try {
      await Promise.all([this.perAddress.consume(ip), this.perEmail.consume(email)]);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new DomainError(ErrorCode.RateLimited, `Too many requests. Try again in ${minutes} minute(s).`);
    }
  }
}
