import { graphql } from '@/shared/graphql/generated';

/**
 * Only the id: the page refetches its list, which re-applies the viewer's permissions. (The
 * `mailbox` of the event is not used: its `state` is resolved through the subscription's
 * long-lived batch loader and repeats the state of the first event.)
 */
export const mailboxChangedSubscription = graphql(`
  subscription MailboxChanged {
    mailboxChanged {
      mailboxId
    }
  }
`);
