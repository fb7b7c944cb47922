import { graphql } from '@/shared/graphql/generated';

export const widgetsQuery = graphql(`
  query Widgets {
    widgets {
      ...WidgetFields
    }
  }
`);
