import { graphql } from '@/shared/graphql/generated';

export const mailboxesQuery = graphql(`
  query Mailboxes {
    mailboxes {
      ...MailboxFields
    }
  }
`);

export const failedMailsQuery = graphql(`
  query FailedMails($mailboxId: ID, $first: Int!) {
    failedMails(mailboxId: $mailboxId, first: $first) {
      ...FailedMailFields
    }
  }
`);
