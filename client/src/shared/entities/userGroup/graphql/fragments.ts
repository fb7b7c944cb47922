import { graphql } from '@/shared/graphql/generated';

export const userGroupFields = graphql(`
  fragment UserGroupFields on UserGroup {
    id
    name
    hourlyRateCents
  }
`);
