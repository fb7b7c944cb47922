import { graphql } from '@/shared/graphql/generated';

export const meQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);
