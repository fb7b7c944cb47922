import { describe, expect, it } from 'vitest';
import { QUOTE_STATUSES, nextQuoteStatuses } from './quoteStatus';

describe('nextQuoteStatuses', () => {
  it('offers send or reject for a draft, and back to draft only from sent', () => {
    expect(nextQuoteStatuses('DRAFT')).toEqual(['SENT', 'REJECTED']);
    expect(nextQuoteStatuses('SENT')).toEqual(['ACCEPTED', 'REJECTED', 'DRAFT']);
  });

  it('offers nothing for accepted and rejected quotes, which are final', () => {
    expect(nextQuoteStatuses('ACCEPTED')).toEqual([]);
    expect(nextQuoteStatuses('REJECTED')).toEqual([]);
  });

  it('never offers the status a quote already has', () => {
    for (const status of QUOTE_STATUSES) expect(nextQuoteStatuses(status)).not.toContain(status);
  });
});
