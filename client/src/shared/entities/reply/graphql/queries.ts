import { graphql } from '@/shared/graphql/generated';

export const replyDefaultsQuery = graphql(`
  query ReplyDefaults($ticketId: ID!) {
    replyDefaults(ticketId: $ticketId) {
      canSend
      reason
      from
      subject
      to
      cc
      statusAfter
    }
  }
`);

export const mySignatureQuery = graphql(`
  query MySignature {
    mySignature
  }
`);
