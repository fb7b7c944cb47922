import { useMutation, useQuery } from '@urql/vue';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import type { QuoteLineFieldsFragment, QuoteStatus, QuoteStatusUpdateInput, QuoteSummaryFieldsFragment } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { quoteUpdateStatusMutation, timeBillMutation } from '../graphql/mutations';
import { quoteQuery, quotesQuery } from '../graphql/queries';

export type QuoteSummary = QuoteSummaryFieldsFragment;
export type QuoteLine = QuoteLineFieldsFragment;
export type Quote = QuoteSummary & { lines: QuoteLine[] };

const context = { additionalTypenames: ['Quote'] };

/** Quotes, newest first (the API returns at most 200), optionally of one status. */
export function useQuotes(status: MaybeRefOrGetter<QuoteStatus | null>) {
  const query = useQuery({
    query: quotesQuery,
    variables: computed(() => ({ filter: { status: toValue(status) } })),
    requestPolicy: 'cache-and-network',
    context,
  });
  return {
    quotes: computed<QuoteSummary[]>(() => query.data.value?.quotes ?? []),
    loading: computed(() => query.fetching.value && !query.data.value),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** One quote with its lines; `notFound` once the server answered that there is no such quote. */
export function useQuote(id: MaybeRefOrGetter<string>) {
  const query = useQuery({ query: quoteQuery, variables: computed(() => ({ id: toValue(id) })), requestPolicy: 'cache-and-network', context });
  const quote = computed<Quote | null>(() => {
    const found = query.data.value?.quote ?? null;
    return found && found.id === toValue(id) ? found : null;
  });
  return {
    quote,
    loading: computed(() => query.fetching.value && !quote.value && !query.error.value),
    notFound: computed(() => !query.fetching.value && !query.error.value && query.data.value !== undefined && !query.data.value.quote),
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** Billing bills time (tickets' totals and entries change) and makes quotes. */
const billContext = { additionalTypenames: ['Quote', 'Ticket', 'TimeEntry'] };

/**
 * Billing actions as {@link Outcome}s. `bill` turns the unbilled time of tickets into one draft
 * quote per customer; tickets without a customer or without unbilled time are refused with a field
 * error on `ticketIds`. `updateStatus` needs the quote's `version` (CONFLICT when it changed).
 */
export function useBillingMutations() {
  const bill = useMutation(timeBillMutation);
  const updateStatus = useMutation(quoteUpdateStatusMutation);
  return {
    billing: bill.fetching,
    updating: updateStatus.fetching,
    bill: async (ticketIds: string[]) => toOutcome(await bill.executeMutation({ ticketIds }, billContext)),
    updateStatus: async (input: QuoteStatusUpdateInput) => toOutcome(await updateStatus.executeMutation({ input }, context)),
  };
}
