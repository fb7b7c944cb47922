import { graphql } from '@/shared/graphql/generated';

export const cannedReplyCreateMutation = graphql(`
  mutation CannedReplyCreate($input: CannedReplyCreateInput!) {
    cannedReplyCreate(input: $input) {
      ...CannedReplyFields
    }
  }
`);

export const cannedReplyUpdateMutation = graphql(`
  mutation CannedReplyUpdate($input: CannedReplyUpdateInput!) {
    cannedReplyUpdate(input: $input) {
      ...CannedReplyFields
    }
  }
`);

export const cannedReplyDeleteMutation = graphql(`
  mutation CannedReplyDelete($id: ID!) {
    cannedReplyDelete(id: $id)
  }
`);
