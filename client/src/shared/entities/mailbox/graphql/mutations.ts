import { graphql } from '@/shared/graphql/generated';

export const mailboxCreateMutation = graphql(`
  mutation MailboxCreate($input: MailboxCreateInput!) {
    mailboxCreate(input: $input) {
      ...MailboxFields
    }
  }
`);

export const mailboxUpdateMutation = graphql(`
  mutation MailboxUpdate($input: MailboxUpdateInput!) {
    mailboxUpdate(input: $input) {
      ...MailboxFields
    }
  }
`);

export const mailboxDeleteMutation = graphql(`
  mutation MailboxDelete($id: ID!) {
    mailboxDelete(id: $id)
  }
`);

export const mailboxTestMutation = graphql(`
  mutation MailboxTest($input: MailboxTestInput!) {
    mailboxTest(input: $input) {
      ok
      stage
      message
      idle
      messages
    }
  }
`);

export const mailboxRefreshMutation = graphql(`
  mutation MailboxRefresh($id: ID!) {
    mailboxRefresh(id: $id)
  }
`);

export const failedMailRetryMutation = graphql(`
  mutation FailedMailRetry($id: ID!) {
    failedMailRetry(id: $id) {
      imported
      reason
      ticketId
    }
  }
`);

export const mailboxSendingUpdateMutation = graphql(`
  mutation MailboxSendingUpdate($input: MailboxSendingUpdateInput!) {
    mailboxSendingUpdate(input: $input) {
      ...MailboxFields
    }
  }
`);

export const mailboxTestSendingMutation = graphql(`
  mutation MailboxTestSending($input: MailboxSendingTestInput!) {
    mailboxTestSending(input: $input) {
      ok
      stage
      message
    }
  }
`);
