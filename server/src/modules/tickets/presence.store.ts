import type { Redis } from 'ioredis';

export type PresenceState = 'viewing' | 'typing';

export interface PresenceRecord {
  userId: string;
  state: PresenceState;
  /** Epoch milliseconds of the last report. */
  at: number;
}

/** A report older than this is gone: clients refresh every 20 s while a ticket is open. */
export const PRESENCE_TTL_MS = 45_000;
/** Typing falls back to viewing when not refreshed. */
export const TYPING_TTL_MS = 8_000;

/**
 * Who is viewing or typing in a ticket right now. In Redis when there is one (shared by all
 * instances, expiring by itself), in this process otherwise.
 */
export interface PresenceStore {
  set(tenantId: string, ticketId: string, userId: string, state: PresenceState | 'left'): Promise<void>;
  list(tenantId: string, ticketId: string): Promise<PresenceRecord[]>;
}

function fresh(records: PresenceRecord[], now: number): PresenceRecord[] {
  return records
    .filter((r) => now - r.at < PRESENCE_TTL_MS)
    .map((r) => (r.state === 'typing' && now - r.at >= TYPING_TTL_MS ? { ...r, state: 'viewing' as const } : r))
    .sort((a, b) => a.userId.localeCompare(b.userId));
}

export class MemoryPresenceStore implements PresenceStore {
  private readonly tickets = new Map<string, Map<string, PresenceRecord>>();

  async set(tenantId: string, ticketId: string, userId: string, state: PresenceState | 'left'): Promise<void> {
    const key = `${tenantId}:${ticketId}`;
    const entries = this.tickets.get(key) ?? new Map<string, PresenceRecord>();
    if (state === 'left') entries.delete(userId);
    else entries.set(userId, { userId, state, at: Date.now() });
    if (entries.size === 0) this.tickets.delete(key);
    else this.tickets.set(key, entries);
  }

  async list(tenantId: string, ticketId: string): Promise<PresenceRecord[]> {
    const now = Date.now();
    const entries = this.tickets.get(`${tenantId}:${ticketId}`);
    if (!entries) return [];
    for (const [userId, record] of entries) if (now - record.at >= PRESENCE_TTL_MS) entries.delete(userId);
    return fresh([...entries.values()], now);
  }
}

export class RedisPresenceStore implements PresenceStore {
  constructor(private readonly redis: Redis) {}

  private key(tenantId: string, ticketId: string): string {
    return `tresen:presence:${tenantId}:${ticketId}`;
  }

  async set(tenantId: string, ticketId: string, userId: string, state: PresenceState | 'left'): Promise<void> {
    const key = this.key(tenantId, ticketId);
    if (state === 'left') {
      await this.redis.hdel(key, userId);
      return;
    }
    await this.redis
      .multi()
      .hset(key, userId, JSON.stringify({ state, at: Date.now() }))
      .pexpire(key, PRESENCE_TTL_MS)
      .exec();
  }

  async list(tenantId: string, ticketId: string): Promise<PresenceRecord[]> {
    const raw = await this.redis.hgetall(this.key(tenantId, ticketId));
    const records = Object.entries(raw).flatMap(([userId, value]) => {
      try {
        const parsed = JSON.parse(value) as { state: PresenceState; at: number };
        return [{ userId, state: parsed.state, at: parsed.at }];
      } catch {
        return [];
      }
    });
    return fresh(records, Date.now());
  }
}
