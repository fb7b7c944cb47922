import type { QuoteStatus } from '@/shared/graphql/generated/graphql';

export const QUOTE_STATUSES: readonly QuoteStatus[] = ['DRAFT', 'SENT', 'ACCEPTED', 'REJECTED'];

/**
 * Where a quote may go from each status, as the server allows it: a draft is sent (or rejected),
 * a sent quote is accepted, rejected or taken back to draft; accepted and rejected are final.
 */
const NEXT: Record<QuoteStatus, readonly QuoteStatus[]> = {
  DRAFT: ['SENT', 'REJECTED'],
  SENT: ['ACCEPTED', 'REJECTED', 'DRAFT'],
  ACCEPTED: [],
  REJECTED: [],
};

export function nextQuoteStatuses(status: QuoteStatus): readonly QuoteStatus[] {
  return NEXT[status];
}

export function quoteStatusTone(status: QuoteStatus): 'neutral' | 'info' | 'positive' | 'danger' {
  switch (status) {
    case 'DRAFT':
      return 'neutral';
    case 'SENT':
      return 'info';
    case 'ACCEPTED':
      return 'positive';
    case 'REJECTED':
      return 'danger';
  }
}
