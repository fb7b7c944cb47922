import { graphql } from '@/shared/graphql/generated';

export const departmentChangedSubscription = graphql(`
  subscription DepartmentChanged {
    departmentChanged {
      kind
      departmentId
      department {
        ...DepartmentFields
      }
    }
  }
`);
