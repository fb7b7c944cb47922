import { useMutation } from '@urql/vue';
import { onBeforeUnmount, onMounted, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { ticketMarkReadMutation } from '../graphql/mutations';

/**
 * Marks `ticket` read (`ticketMarkRead`) while it is on screen: when it is opened unread, and again
 * when new mail makes it unread while it stays open. A page in a background tab waits until it is
 * visible, since no one has seen the mail yet. Best effort: a failed call leaves the marker, which
 * is harmless, and is not retried in a loop.
 */
export function useTicketMarkRead(ticket: MaybeRefOrGetter<{ id: string; unread: boolean }>): void {
  const markRead = useMutation(ticketMarkReadMutation);
  let sending = false;

  async function check(): Promise<void> {
    const { id, unread } = toValue(ticket);
    if (!unread || sending || document.visibilityState !== 'visible') return;
    sending = true;
    await markRead.executeMutation({ id });
    sending = false;
  }

  watch(
    () => toValue(ticket).unread,
    () => void check(),
    { immediate: true },
  );
  onMounted(() => document.addEventListener('visibilitychange', check));
  onBeforeUnmount(() => document.removeEventListener('visibilitychange', check));
}
