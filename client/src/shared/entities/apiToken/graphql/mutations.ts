import { graphql } from '@/shared/graphql/generated';

export const apiTokenCreateMutation = graphql(`
  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {
    apiTokenCreate(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

export const apiTokenRevokeMutation = graphql(`
  mutation ApiTokenRevoke($id: ID!) {
    apiTokenRevoke(id: $id) {
      ...ApiTokenFields
    }
  }
`);
