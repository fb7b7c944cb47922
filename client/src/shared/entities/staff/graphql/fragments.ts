import { graphql } from '@/shared/graphql/generated';

export const staffFields = graphql(`
  fragment StaffFields on Staff {
    id
    email
    name
    role
    active
    groups {
      id
      name
    }
    departments {
      id
      name
    }
  }
`);
