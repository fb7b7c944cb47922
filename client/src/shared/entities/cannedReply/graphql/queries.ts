import { graphql } from '@/shared/graphql/generated';

export const cannedRepliesQuery = graphql(`
  query CannedReplies($filter: CannedReplyFilterInput) {
    cannedReplies(filter: $filter) {
      ...CannedReplyFields
    }
  }
`);

/** The text of a canned reply with the placeholders filled for one ticket. */
export const cannedReplyRenderQuery = graphql(`
  query CannedReplyRender($id: ID!, $ticketId: ID!) {
    cannedReplyRender(id: $id, ticketId: $ticketId)
  }
`);
