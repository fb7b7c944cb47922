import { graphql } from '@/shared/graphql/generated';

export const viewerFields = graphql(`
  fragment ViewerFields on Me {
    id
    email
    name
    kind
    tenant {
      id
      name
    }
  }
`);
