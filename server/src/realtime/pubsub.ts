import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from '../infra/logger.js';
import type { Topics } from './topics.js';

export type TresenPubSub = PubSub<Topics>;

export interface RealtimeBus {
  readonly pubSub: TresenPubSub;
  /** Null when events stay in this process. */
  readonly redis: Redis | null;
  close(): Promise<void>;
}

/**
 * The event bus between processes: Redis pub/sub through ioredis when a URL is given, so an event
 * caused on one instance reaches subscribers on every instance; in-process otherwise.
 */
export function createRealtimeBus(redisUrl: string | undefined, logger: Logger): RealtimeBus {
  if (!redisUrl) return { pubSub: createPubSub<Topics>(), redis: null, close: async () => {} };
  const options = { maxRetriesPerRequest: 3, lazyConnect: false } as const;
  const publishClient = new Redis(redisUrl, { ...options, connectionName: 'tresen-publish' });
  const subscribeClient = new Redis(redisUrl, { ...options, connectionName: 'tresen-subscribe' });
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (err: Error) => logger.warn({ err }, 'redis connection error'));
  }
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub<Topics>({ eventTarget }),
    redis: publishClient,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
