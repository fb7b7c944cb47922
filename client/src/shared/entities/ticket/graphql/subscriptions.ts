import { graphql } from '@/shared/graphql/generated';

/** Only ids: listeners refetch what they show, so the server re-applies the viewer's permissions. */
export const ticketChangedSubscription = graphql(`
  subscription TicketChanged {
    ticketChanged {
      kind
      ticketId
    }
  }
`);

export const messageAddedSubscription = graphql(`
  subscription MessageAdded($ticketId: ID!) {
    messageAdded(ticketId: $ticketId) {
      ticketId
      message {
        id
        kind
      }
    }
  }
`);

export const ticketPresenceSubscription = graphql(`
  subscription TicketPresence($ticketId: ID!) {
    ticketPresence(ticketId: $ticketId) {
      ticketId
      entries {
        state
        user {
          id
          name
        }
      }
    }
  }
`);

/** New customer mail, for the console's notification; only what the notification shows. */
export const inboundMailSubscription = graphql(`
  subscription InboundMail {
    inboundMail {
      createdTicket
      ticket {
        id
        number
        subject
      }
      message {
        id
        from
      }
    }
  }
`);
