import { graphql } from '@/shared/graphql/generated';

export const staffQuery = graphql(`
  query StaffList {
    staff {
      ...StaffFields
    }
  }
`);
