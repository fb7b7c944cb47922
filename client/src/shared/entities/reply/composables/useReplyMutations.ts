import { useMutation } from '@urql/vue';
import type { TicketReplyInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import { messageResendMutation, ticketReplyMutation } from '../graphql/mutations';

/** A reply changes the thread, the ticket's status and the lists and counts showing it. */
const context = { additionalTypenames: ['Ticket', 'Message', 'TicketCount'] };

/**
 * Answering by mail as {@link Outcome}s. `reply` resolves once the reply is stored and queued
 * (sendStatus QUEUED); how sending goes arrives later through `messageAdded`. `resend` queues a
 * failed reply again with the same Message-ID.
 */
export function useReplyMutations() {
  const reply = useMutation(ticketReplyMutation);
  const resend = useMutation(messageResendMutation);
  return {
    sending: reply.fetching,
    resending: resend.fetching,
    reply: async (input: TicketReplyInput) => toOutcome(await reply.executeMutation({ input }, context)),
    resend: async (id: string) => toOutcome(await resend.executeMutation({ id }, context)),
  };
}
