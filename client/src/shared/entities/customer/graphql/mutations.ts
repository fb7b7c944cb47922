import { graphql } from '@/shared/graphql/generated';

export const customerCreateMutation = graphql(`
  mutation CustomerCreate($input: CustomerCreateInput!) {
    customerCreate(input: $input) {
      ...CustomerFields
    }
  }
`);
