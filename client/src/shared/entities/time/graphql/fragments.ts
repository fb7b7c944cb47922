import { graphql } from '@/shared/graphql/generated';

export const timeEntryFields = graphql(`
  fragment TimeEntryFields on TimeEntry {
    id
    ticketId
    userId
    minutes
    date
    note
    billed
    quoteId
    version
    createdAt
  }
`);

export const timerFields = graphql(`
  fragment TimerFields on Timer {
    ticketId
    ticketNumber
    ticketSubject
    userId
    userName
    startedAt
    elapsedSeconds
  }
`);

/** A quote without its lines, for lists. */
export const quoteSummaryFields = graphql(`
  fragment QuoteSummaryFields on Quote {
    id
    number
    customerId
    customerName
    status
    currency
    totalCents
    csvUrl
    version
    createdAt
  }
`);

export const quoteLineFields = graphql(`
  fragment QuoteLineFields on QuoteLine {
    ticketId
    ticketNumber
    ticketSubject
    groupName
    minutes
    hours
    rateCents
    amountCents
  }
`);

/** A ticket on the billing screen: what is billed and for whom. */
export const unbilledTicketFields = graphql(`
  fragment UnbilledTicketFields on Ticket {
    id
    number
    subject
    customer {
      id
      number
      name
    }
    timeMinutes
    unbilledMinutes
  }
`);
