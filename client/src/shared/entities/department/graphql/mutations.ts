import { graphql } from '@/shared/graphql/generated';

export const departmentCreateMutation = graphql(`
  mutation DepartmentCreate($input: DepartmentCreateInput!) {
    departmentCreate(input: $input) {
      ...DepartmentFields
    }
  }
`);

export const departmentUpdateMutation = graphql(`
  mutation DepartmentUpdate($input: DepartmentUpdateInput!) {
    departmentUpdate(input: $input) {
      ...DepartmentFields
    }
  }
`);

export const departmentDeleteMutation = graphql(`
  mutation DepartmentDelete($id: ID!) {
    departmentDelete(id: $id)
  }
`);
