import { graphql } from '@/shared/graphql/generated';

export const userGroupsQuery = graphql(`
  query UserGroups {
    userGroups {
      ...UserGroupFields
    }
  }
`);
