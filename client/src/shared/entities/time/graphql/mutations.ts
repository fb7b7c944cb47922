import { graphql } from '@/shared/graphql/generated';

export const timeEntryCreateMutation = graphql(`
  mutation TimeEntryCreate($input: TimeEntryCreateInput!) {
    timeEntryCreate(input: $input) {
      ...TimeEntryFields
    }
  }
`);

export const timeEntryUpdateMutation = graphql(`
  mutation TimeEntryUpdate($input: TimeEntryUpdateInput!) {
    timeEntryUpdate(input: $input) {
      ...TimeEntryFields
    }
  }
`);

export const timeEntryDeleteMutation = graphql(`
  mutation TimeEntryDelete($id: ID!) {
    timeEntryDelete(id: $id)
  }
`);

export const timerStartMutation = graphql(`
  mutation TimerStart($ticketId: ID!) {
    timerStart(ticketId: $ticketId) {
      ...TimerFields
    }
  }
`);

export const timerStopMutation = graphql(`
  mutation TimerStop($ticketId: ID!) {
    timerStop(ticketId: $ticketId) {
      ...TimeEntryFields
    }
  }
`);

export const timeBillMutation = graphql(`
  mutation TimeBill($ticketIds: [ID!]!) {
    timeBill(ticketIds: $ticketIds) {
      ...QuoteSummaryFields
      lines {
        ...QuoteLineFields
      }
    }
  }
`);

export const quoteUpdateStatusMutation = graphql(`
  mutation QuoteUpdateStatus($input: QuoteStatusUpdateInput!) {
    quoteUpdateStatus(input: $input) {
      ...QuoteSummaryFields
      lines {
        ...QuoteLineFields
      }
    }
  }
`);
