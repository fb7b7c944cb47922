import { graphql } from '@/shared/graphql/generated';

/** The time of one ticket: the entries the viewer may see and the totals over everyone's. */
export const ticketTimeQuery = graphql(`
  query TicketTime($ticketId: ID!) {
    timeEntries(ticketId: $ticketId) {
      ...TimeEntryFields
    }
    ticket(id: $ticketId) {
      id
      timeMinutes
      unbilledMinutes
    }
  }
`);

export const timersQuery = graphql(`
  query Timers {
    timers {
      ...TimerFields
    }
  }
`);

export const unbilledTicketsQuery = graphql(`
  query UnbilledTickets($first: Int!) {
    tickets(filter: { unbilledTime: true }, orderBy: { field: NUMBER, direction: ASC }, first: $first) {
      totalCount
      totalCountExact
      edges {
        node {
          ...UnbilledTicketFields
        }
      }
    }
  }
`);

export const quotesQuery = graphql(`
  query Quotes($filter: QuoteFilterInput) {
    quotes(filter: $filter) {
      ...QuoteSummaryFields
    }
  }
`);

export const quoteQuery = graphql(`
  query Quote($id: ID!) {
    quote(id: $id) {
      ...QuoteSummaryFields
      lines {
        ...QuoteLineFields
      }
    }
  }
`);
