import { useSubscription } from '@urql/vue';
import type { InboundMailSubscription } from '@/shared/graphql/generated/graphql';
import { inboundMailSubscription } from '../graphql/subscriptions';

export type InboundMail = InboundMailSubscription['inboundMail'];

/**
 * Calls `onMail` for each new customer mail in a department the viewer may see (a new ticket or a
 * reply), while the calling component is mounted. The server checks access per receiver and event.
 */
export function useInboundMail(onMail: (mail: InboundMail) => void): void {
  useSubscription({ query: inboundMailSubscription }, (_previous, event) => {
    onMail(event.inboundMail);
    return event;
  });
}
