import { graphql } from '@/shared/graphql/generated';

export const portalMeFields = graphql(`
  fragment PortalMeFields on PortalMe {
    contactId
    name
    email
    customerName
    helpdeskName
    seesCustomerTickets
    onlyTicketNumber
    readOnly
  }
`);

export const portalTicketFields = graphql(`
  fragment PortalTicketFields on PortalTicket {
    id
    number
    subject
    statusCategory
    statusLabelDe
    statusLabelEn
    priority
    departmentName
    createdAt
    lastActivityAt
    customerNote
    expectedDate
    estimatedMinutes
    minutesSpent
    openedByName
    isOwn
    canRate
    rating {
      good
      comment
    }
  }
`);

export const portalMeQuery = graphql(`
  query PortalMe {
    portalMe {
      ...PortalMeFields
    }
  }
`);

export const portalLoginMutation = graphql(`
  mutation PortalLogin($email: String!, $password: String!) {
    portalLogin(email: $email, password: $password) {
      ...PortalMeFields
    }
  }
`);

export const portalLogoutMutation = graphql(`
  mutation PortalLogout {
    portalLogout
  }
`);

export const portalMagicLinkRequestMutation = graphql(`
  mutation PortalMagicLinkRequest($email: String!) {
    portalMagicLinkRequest(email: $email)
  }
`);

export const portalMagicLinkSignInMutation = graphql(`
  mutation PortalMagicLinkSignIn($token: String!) {
    portalMagicLinkSignIn(token: $token) {
      ...PortalMeFields
    }
  }
`);

export const portalPasswordResetRequestMutation = graphql(`
  mutation PortalPasswordResetRequest($email: String!) {
    portalPasswordResetRequest(email: $email)
  }
`);

export const portalPasswordResetMutation = graphql(`
  mutation PortalPasswordReset($token: String!, $password: String!) {
    portalPasswordReset(token: $token, password: $password) {
      ...PortalMeFields
    }
  }
`);

export const portalTicketLinkOpenMutation = graphql(`
  mutation PortalTicketLinkOpen($token: String!) {
    portalTicketLinkOpen(token: $token) {
      ticketNumber
      me {
        ...PortalMeFields
      }
    }
  }
`);

export const portalTicketsQuery = graphql(`
  query PortalTickets($filter: PortalTicketFilter, $first: Int!, $after: String) {
    portalTickets(filter: $filter, first: $first, after: $after) {
      nodes {
        ...PortalTicketFields
      }
      hasNextPage
      endCursor
    }
  }
`);

export const portalTicketQuery = graphql(`
  query PortalTicket($number: Int!) {
    portalTicket(number: $number) {
      ...PortalTicketFields
    }
  }
`);

export const portalTicketMessagesQuery = graphql(`
  query PortalTicketMessages($ticketId: ID!) {
    portalTicketMessages(ticketId: $ticketId) {
      id
      fromCustomer
      authorName
      bodyText
      bodyHtml
      createdAt
      attachments {
        id
        filename
        contentType
        size
      }
    }
  }
`);

export const portalDepartmentsQuery = graphql(`
  query PortalDepartments {
    portalDepartments {
      id
      name
      allowsPriority
    }
  }
`);

export const portalTicketCreateMutation = graphql(`
  mutation PortalTicketCreate($input: PortalTicketCreateInput!) {
    portalTicketCreate(input: $input) {
      ...PortalTicketFields
    }
  }
`);

export const portalTicketReplyMutation = graphql(`
  mutation PortalTicketReply($input: PortalTicketReplyInput!) {
    portalTicketReply(input: $input) {
      id
    }
  }
`);

export const portalTicketCloseMutation = graphql(`
  mutation PortalTicketClose($ticketId: ID!) {
    portalTicketClose(ticketId: $ticketId) {
      ...PortalTicketFields
    }
  }
`);

export const portalTicketRateMutation = graphql(`
  mutation PortalTicketRate($input: PortalTicketRateInput!) {
    portalTicketRate(input: $input) {
      ...PortalTicketFields
    }
  }
`);

export const portalTicketChangedSubscription = graphql(`
  subscription PortalTicketChanged {
    portalTicketChanged {
      ticketId
    }
  }
`);
