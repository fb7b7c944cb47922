import { graphql } from '@/shared/graphql/generated';

export const staffCreateMutation = graphql(`
  mutation StaffCreate($input: StaffCreateInput!) {
    staffCreate(input: $input) {
      ...StaffFields
    }
  }
`);

export const staffUpdateMutation = graphql(`
  mutation StaffUpdate($input: StaffUpdateInput!) {
    staffUpdate(input: $input) {
      ...StaffFields
    }
  }
`);
