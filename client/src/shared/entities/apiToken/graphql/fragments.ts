import { graphql } from '@/shared/graphql/generated';

export const apiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    scope
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);
