import { graphql } from '@/shared/graphql/generated';

export const ticketsQuery = graphql(`
  query Tickets($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {
    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      totalCountExact
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        snippet
        node {
          ...TicketListFields
        }
      }
    }
  }
`);

export const ticketByNumberQuery = graphql(`
  query TicketByNumber($number: Int!) {
    ticketByNumber(number: $number) {
      ...TicketListFields
      ...TicketDetailFields
      messages {
        ...MessageFields
      }
      history {
        ...TicketHistoryFields
      }
    }
  }
`);

/** Only the id and subject of a ticket, e.g. to confirm a merge target. */
export const ticketLookupQuery = graphql(`
  query TicketLookup($number: Int!) {
    ticketByNumber(number: $number) {
      id
      number
      subject
    }
  }
`);

export const ticketCountsQuery = graphql(`
  query TicketCounts {
    ticketCounts {
      departmentId
      statusId
      count
    }
  }
`);

export const ticketStatusesQuery = graphql(`
  query TicketStatuses {
    ticketStatuses {
      ...TicketStatusFields
    }
  }
`);

export const ticketHandlersQuery = graphql(`
  query TicketHandlers {
    ticketHandlers {
      id
      name
    }
  }
`);
