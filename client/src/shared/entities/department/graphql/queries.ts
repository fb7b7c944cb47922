import { graphql } from '@/shared/graphql/generated';

export const departmentsQuery = graphql(`
  query Departments {
    departments {
      ...DepartmentFields
    }
  }
`);
