import { graphql } from '@/shared/graphql/generated';

export const departmentFields = graphql(`
  fragment DepartmentFields on Department {
    id
    name
    isPublic
    isPrivate
    portalPriority
    ratingMailEnabled
    createdAt
    updatedAt
  }
`);
