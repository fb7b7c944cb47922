import { graphql } from '@/shared/graphql/generated';

export const userGroupCreateMutation = graphql(`
  mutation UserGroupCreate($input: UserGroupCreateInput!) {
    userGroupCreate(input: $input) {
      ...UserGroupFields
    }
  }
`);

export const userGroupUpdateMutation = graphql(`
  mutation UserGroupUpdate($input: UserGroupUpdateInput!) {
    userGroupUpdate(input: $input) {
      ...UserGroupFields
    }
  }
`);
