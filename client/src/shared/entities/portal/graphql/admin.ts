import { graphql } from '@/shared/graphql/generated';

export const contactPortalRightsMutation = graphql(`
  mutation ContactPortalRights($contactId: ID!, $seesCustomerTickets: Boolean!) {
    contactPortalRights(contactId: $contactId, seesCustomerTickets: $seesCustomerTickets) {
      id
      seesCustomerTickets
      hasPortalLogin
    }
  }
`);

export const contactPortalInviteMutation = graphql(`
  mutation ContactPortalInvite($contactId: ID!) {
    contactPortalInvite(contactId: $contactId) {
      id
      seesCustomerTickets
      hasPortalLogin
    }
  }
`);

export const contactPortalViewAsMutation = graphql(`
  mutation ContactPortalViewAs($contactId: ID!) {
    contactPortalViewAs(contactId: $contactId)
  }
`);

export const ratingReportQuery = graphql(`
  query RatingReport($days: Int!) {
    ratingReport(days: $days) {
      departments {
        id
        name
        good
        bad
      }
      agents {
        id
        name
        good
        bad
      }
      weeks {
        weekStart
        good
        bad
      }
    }
  }
`);
