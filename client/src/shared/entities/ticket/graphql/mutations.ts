import { graphql } from '@/shared/graphql/generated';

export const ticketCreateMutation = graphql(`
  mutation TicketCreate($input: TicketCreateInput!) {
    ticketCreate(input: $input) {
      ...TicketListFields
    }
  }
`);

export const ticketUpdateMutation = graphql(`
  mutation TicketUpdate($input: TicketUpdateInput!) {
    ticketUpdate(input: $input) {
      ...TicketListFields
      version
    }
  }
`);

export const ticketMoveMutation = graphql(`
  mutation TicketMove($input: TicketMoveInput!) {
    ticketMove(input: $input) {
      ...TicketListFields
    }
  }
`);

export const ticketMergeMutation = graphql(`
  mutation TicketMerge($input: TicketMergeInput!) {
    ticketMerge(input: $input) {
      ...TicketListFields
    }
  }
`);

export const ticketCloseMutation = graphql(`
  mutation TicketClose($id: ID!) {
    ticketClose(id: $id) {
      ...TicketListFields
    }
  }
`);

export const ticketReopenMutation = graphql(`
  mutation TicketReopen($id: ID!) {
    ticketReopen(id: $id) {
      ...TicketListFields
    }
  }
`);

/** Only what changes: the ticket view and the inbox refetch on the ticketChanged event it causes. */
export const ticketMarkReadMutation = graphql(`
  mutation TicketMarkRead($id: ID!) {
    ticketMarkRead(id: $id) {
      id
      unread
    }
  }
`);

export const ticketNoteAddMutation = graphql(`
  mutation TicketNoteAdd($input: TicketNoteAddInput!) {
    ticketNoteAdd(input: $input) {
      ...MessageFields
    }
  }
`);

export const ticketPresenceSetMutation = graphql(`
  mutation TicketPresenceSet($input: TicketPresenceSetInput!) {
    ticketPresenceSet(input: $input)
  }
`);
