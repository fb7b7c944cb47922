import { graphql } from '@/shared/graphql/generated';

export const cannedReplyFields = graphql(`
  fragment CannedReplyFields on CannedReply {
    id
    departmentId
    category
    title
    body
    version
  }
`);
