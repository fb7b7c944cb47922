import { useMutation } from '@urql/vue';
import { computed } from 'vue';
import type {
  MailboxCreateInput,
  MailboxSendingTestInput,
  MailboxSendingUpdateInput,
  MailboxTestInput,
  MailboxUpdateInput,
} from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import {
  failedMailRetryMutation,
  mailboxCreateMutation,
  mailboxDeleteMutation,
  mailboxRefreshMutation,
  mailboxSendingUpdateMutation,
  mailboxTestMutation,
  mailboxTestSendingMutation,
  mailboxUpdateMutation,
} from '../graphql/mutations';

/** mailboxDelete and failedMailRetry return no Mailbox or FailedMail, so the typenames to invalidate are named here. */
const context = { additionalTypenames: ['Mailbox', 'FailedMail'] };

/**
 * Mailbox actions as {@link Outcome}s. `update` needs the `version` the edit started from (CONFLICT
 * when someone saved in between) and keeps the stored password unless one is given. `test` tries
 * settings without saving them and resolves with the server's diagnosis, also when the connection
 * fails; only invalid input is an error. `updateSending` and `testSending` do the same for how
 * replies leave from the address.
 */
export function useMailboxMutations() {
  const create = useMutation(mailboxCreateMutation);
  const update = useMutation(mailboxUpdateMutation);
  const remove = useMutation(mailboxDeleteMutation);
  const test = useMutation(mailboxTestMutation);
  const refresh = useMutation(mailboxRefreshMutation);
  const retry = useMutation(failedMailRetryMutation);
  const updateSending = useMutation(mailboxSendingUpdateMutation);
  const testSending = useMutation(mailboxTestSendingMutation);

  return {
    saving: computed(() => create.fetching.value || update.fetching.value || updateSending.fetching.value),
    testing: computed(() => test.fetching.value || testSending.fetching.value),
    create: async (input: MailboxCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: MailboxUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
    remove: async (id: string) => toOutcome(await remove.executeMutation({ id }, context)),
    test: async (input: MailboxTestInput) => toOutcome(await test.executeMutation({ input })),
    /** Asks the server process watching the mailbox to fetch now; new mail then arrives as events. */
    refresh: async (id: string) => toOutcome(await refresh.executeMutation({ id })),
    retry: async (id: string) => toOutcome(await retry.executeMutation({ id }, context)),
    updateSending: async (input: MailboxSendingUpdateInput) => toOutcome(await updateSending.executeMutation({ input }, context)),
    testSending: async (input: MailboxSendingTestInput) => toOutcome(await testSending.executeMutation({ input })),
  };
}
