import { graphql } from '@/shared/graphql/generated';

export const customerFields = graphql(`
  fragment CustomerFields on Customer {
    id
    number
    name
    isCompany
    contacts {
      id
      name
      email
    }
  }
`);
