import { graphql } from '@/shared/graphql/generated';

export const ticketStatusFields = graphql(`
  fragment TicketStatusFields on TicketStatus {
    id
    key
    category
    labelDe
    labelEn
    isSystem
    position
  }
`);

/** What a row of the inbox shows; kept flat because the server limits query depth. */
export const ticketListFields = graphql(`
  fragment TicketListFields on Ticket {
    id
    number
    subject
    priority
    channel
    status {
      id
      key
      category
      labelDe
      labelEn
    }
    department {
      id
      name
      isPrivate
    }
    customer {
      id
      number
      name
    }
    handler {
      id
      name
    }
    watchedByMe
    unread
    createdAt
    updatedAt
    lastActivityAt
  }
`);

export const messageFields = graphql(`
  fragment MessageFields on Message {
    id
    ticketId
    kind
    author {
      id
      name
    }
    authorName
    from
    to
    cc
    text
    html
    quotedText
    automaticReason
    noAutoReply
    bouncedRecipients
    hasRemoteImages
    createdAt
    attachments {
      id
      filename
      contentType
      size
      url
    }
  }
`);

export const ticketHistoryFields = graphql(`
  fragment TicketHistoryFields on TicketHistoryEntry {
    id
    at
    actor {
      id
      name
    }
    actorLabel
    field
    oldValue
    newValue
  }
`);

/**
 * What the ticket view shows and edits beyond {@link ticketListFields}; the thread and history are
 * selected next to it. The server counts every fragment spread as a level of depth (limit 8), so
 * spreads are not nested here.
 */
export const ticketDetailFields = graphql(`
  fragment TicketDetailFields on Ticket {
    customer {
      id
      number
      name
      isCompany
      contacts {
        id
        name
        email
      }
    }
    contact {
      id
      name
      email
    }
    customers {
      id
      number
      name
      isCompany
    }
    watchers {
      id
      name
    }
    customerNote
    internalNote
    expectedDate
    estimatedMinutes
    processingStart
    processingEnd
    timeTrackingAllowed
    mergedInto {
      id
      number
      subject
    }
    lastCustomerActivityAt
    lastAgentActivityAt
    version
    policy {
      update
      move
      merge
      close
      note
    }
  }
`);
