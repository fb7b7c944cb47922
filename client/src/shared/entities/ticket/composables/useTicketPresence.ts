import { useMutation, useSubscription } from '@urql/vue';
import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue';
import type { PresenceState } from '@/shared/graphql/generated/graphql';
import { ticketPresenceSetMutation } from '../graphql/mutations';
import { ticketPresenceSubscription } from '../graphql/subscriptions';

/** The server forgets a viewer who has not said anything for a while; this keeps us listed. */
const HEARTBEAT_MS = 20_000;
/** Without new input for this long, typing turns back into viewing. */
const TYPING_IDLE_MS = 5_000;
/** While typing goes on, TYPING is repeated this often: the server shows typing for 8 s per report. */
const TYPING_REPEAT_MS = 4_000;
/**
 * The subscription sends nothing when it starts, only on changes, and may start after our first
 * announcement went out. Announcing again shortly after brings everyone's list, ours included.
 */
const SECOND_ANNOUNCEMENT_MS = 2_000;

export interface PresenceUser {
  id: string;
  name: string;
  typing: boolean;
}

/**
 * Who else has ticket `ticketId` open. Announces the viewer as VIEWING while the calling component
 * is mounted (again every 20 s), as TYPING after `typing()` until 5 s without input, and LEFT on
 * unmount or when the page is closed. `others` never includes `meId`.
 */
export function useTicketPresence(ticketId: string, meId: string) {
  const presenceSet = useMutation(ticketPresenceSetMutation);
  const entries = shallowRef<ReadonlyArray<{ state: PresenceState; user: { id: string; name: string } }>>([]);
  let state: PresenceState = 'VIEWING';
  let lastSentAt = 0;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let second: ReturnType<typeof setTimeout> | null = null;

  function send(next: PresenceState): void {
    state = next;
    lastSentAt = Date.now();
    // Presence is best effort: a lost announcement is repeated by the next heartbeat. LEFT is often
    // sent while the page unloads; keepalive lets that request outlive the page.
    const context = next === 'LEFT' ? { fetchOptions: { keepalive: true } } : undefined;
    void presenceSet.executeMutation({ input: { ticketId, state: next } }, context);
  }

  function typing(): void {
    if (idle !== null) clearTimeout(idle);
    idle = setTimeout(() => {
      idle = null;
      send('VIEWING');
    }, TYPING_IDLE_MS);
    if (state !== 'TYPING' || Date.now() - lastSentAt > TYPING_REPEAT_MS) send('TYPING');
  }

  /** Typing ended without waiting for the idle time (the note was sent or emptied). */
  function stopTyping(): void {
    if (idle !== null) clearTimeout(idle);
    idle = null;
    if (state === 'TYPING') send('VIEWING');
  }

  function leave(): void {
    if (state !== 'LEFT') send('LEFT');
  }

  function onPageHide(): void {
    leave();
  }

  function onPageShow(event: PageTransitionEvent): void {
    // Back from the browser's back/forward cache: we said LEFT when the page was hidden.
    if (event.persisted) send('VIEWING');
  }

  useSubscription({ query: ticketPresenceSubscription, variables: { ticketId } }, (_previous, event) => {
    entries.value = event.ticketPresence.entries;
    return event;
  });

  onMounted(() => {
    send('VIEWING');
    second = setTimeout(() => send(state), SECOND_ANNOUNCEMENT_MS);
    heartbeat = setInterval(() => send(state === 'LEFT' ? 'VIEWING' : state), HEARTBEAT_MS);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
  });

  onBeforeUnmount(() => {
    if (heartbeat !== null) clearInterval(heartbeat);
    if (second !== null) clearTimeout(second);
    if (idle !== null) clearTimeout(idle);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
    leave();
  });

  const others = computed<PresenceUser[]>(() => {
    const byId = new Map<string, PresenceUser>();
    for (const { state: entryState, user } of entries.value) {
      if (user.id === meId || entryState === 'LEFT') continue;
      const known = byId.get(user.id);
      // The same person in two tabs: typing in either counts.
      byId.set(user.id, { id: user.id, name: user.name, typing: entryState === 'TYPING' || (known?.typing ?? false) });
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  });

  return {
    others,
    typingOthers: computed(() => others.value.filter((user) => user.typing)),
    typing,
    stopTyping,
  };
}
