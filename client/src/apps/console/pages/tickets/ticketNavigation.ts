import { reactive } from 'vue';
import type { RouteLocationRaw } from 'vue-router';
import { defaultInboxFilters, type InboxFilters } from './inbox/inboxFilters';

/**
 * What the ticket pages remember across navigation (not across reloads): the inbox's filters and
 * the ticket numbers it last listed, for next/previous in the ticket view.
 */
const state = reactive({
  filters: defaultInboxFilters(),
  numbers: [] as number[],
});

/** The inbox's filters; edited in place by the inbox, so they survive a visit to a ticket. */
export function useInboxFilters(): InboxFilters {
  return state.filters;
}

export function rememberTicketList(numbers: readonly number[]): void {
  state.numbers = [...numbers];
}

/** Where "back to the tickets" goes; the inbox restores its filters from this store. */
export function inboxRoute(): RouteLocationRaw {
  return { name: 'home' };
}

/** Where `current` is in the remembered list (1-based), for "3 of 25"; null when it is not there. */
export function listPosition(current: number): { index: number; total: number } | null {
  const index = state.numbers.indexOf(current);
  return index === -1 ? null : { index: index + 1, total: state.numbers.length };
}

/**
 * The ticket number `step` places away from `current` in `numbers` (1: next, -1: previous); null
 * at either end or when `current` is not in the list.
 */
export function neighbourNumber(numbers: readonly number[], current: number, step: 1 | -1): number | null {
  const index = numbers.indexOf(current);
  if (index === -1) return null;
  return numbers[index + step] ?? null;
}

export function neighbourOf(current: number, step: 1 | -1): number | null {
  return neighbourNumber(state.numbers, current, step);
}
