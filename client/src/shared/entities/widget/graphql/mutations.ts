import { graphql } from '@/shared/graphql/generated';

export const widgetCreateMutation = graphql(`
  mutation WidgetCreate($input: WidgetCreateInput!) {
    widgetCreate(input: $input) {
      ...WidgetFields
    }
  }
`);

export const widgetUpdateMutation = graphql(`
  mutation WidgetUpdate($input: WidgetUpdateInput!) {
    widgetUpdate(input: $input) {
      ...WidgetFields
    }
  }
`);

export const widgetDeleteMutation = graphql(`
  mutation WidgetDelete($id: ID!) {
    widgetDelete(id: $id)
  }
`);
