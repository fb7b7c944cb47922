import { graphql } from '@/shared/graphql/generated';

export const ticketReplyMutation = graphql(`
  mutation TicketReply($input: TicketReplyInput!) {
    ticketReply(input: $input) {
      ...MessageFields
    }
  }
`);

export const messageResendMutation = graphql(`
  mutation MessageResend($id: ID!) {
    messageResend(id: $id) {
      ...MessageFields
    }
  }
`);

/** The viewer's own signature without `mailboxId`; an address's (admins) with it. */
export const signatureUpdateMutation = graphql(`
  mutation SignatureUpdate($input: SignatureUpdateInput!) {
    signatureUpdate(input: $input)
  }
`);
