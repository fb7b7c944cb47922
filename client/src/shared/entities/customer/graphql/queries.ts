import { graphql } from '@/shared/graphql/generated';

export const customersQuery = graphql(`
  query Customers($search: String, $first: Int) {
    customers(search: $search, first: $first) {
      ...CustomerFields
    }
  }
`);
