import { graphql } from '@/shared/graphql/generated';

export const widgetFields = graphql(`
  fragment WidgetFields on Widget {
    id
    key
    name
    departmentId
    enabled
    available
    allowedOrigins
    primaryColor
    primaryTextColor
    texts {
      language
      title
      intro
      thanks
    }
    createdAt
    updatedAt
  }
`);
