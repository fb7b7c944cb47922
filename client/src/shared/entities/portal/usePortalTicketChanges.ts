import { useSubscription } from '@urql/vue';
import { watch } from 'vue';
import { liveConnections } from '@/shared/graphql/client';
import { portalTicketChangedSubscription } from './graphql/documents';

/**
 * Calls `onChange` with the id of every ticket of the contact that changed or got a public message,
 * and with null whenever the live connection (re)connects: events sent while it was down are not
 * replayed, so what shows live data loads again then.
 */
export function usePortalTicketChanges(onChange: (ticketId: string | null) => void): void {
  useSubscription({ query: portalTicketChangedSubscription }, (_previous, event) => {
    onChange(event.portalTicketChanged.ticketId);
    return event;
  });
  watch(liveConnections, (now, before) => {
    if (now > 1 && now !== before) onChange(null);
  });
}
