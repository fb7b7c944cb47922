import { useClientHandle, useMutation } from '@urql/vue';
import type { TicketCreateInput, TicketMergeInput, TicketMoveInput, TicketUpdateInput } from '@/shared/graphql/generated/graphql';
import { toOutcome } from '@/shared/graphql/outcome';
import {
  ticketCloseMutation,
  ticketCreateMutation,
  ticketMergeMutation,
  ticketMoveMutation,
  ticketNoteAddMutation,
  ticketReopenMutation,
  ticketUpdateMutation,
} from '../graphql/mutations';
import { ticketLookupQuery } from '../graphql/queries';

/** Every ticket mutation changes lists, counts and the ticket itself: drop cached results holding them. */
const context = { additionalTypenames: ['Ticket', 'Message', 'TicketCount'] };

/**
 * Ticket actions as {@link Outcome}s. `update` needs the `version` the edit started from; a
 * CONFLICT outcome means someone else saved in between.
 */
export function useTicketMutations() {
  const { client } = useClientHandle();
  const create = useMutation(ticketCreateMutation);
  const update = useMutation(ticketUpdateMutation);
  const move = useMutation(ticketMoveMutation);
  const merge = useMutation(ticketMergeMutation);
  const close = useMutation(ticketCloseMutation);
  const reopen = useMutation(ticketReopenMutation);
  const noteAdd = useMutation(ticketNoteAddMutation);

  return {
    creating: create.fetching,
    saving: update.fetching,
    addingNote: noteAdd.fetching,
    create: async (input: TicketCreateInput) => toOutcome(await create.executeMutation({ input }, context)),
    update: async (input: TicketUpdateInput) => toOutcome(await update.executeMutation({ input }, context)),
    move: async (input: TicketMoveInput) => toOutcome(await move.executeMutation({ input }, context)),
    merge: async (input: TicketMergeInput) => toOutcome(await merge.executeMutation({ input }, context)),
    close: async (id: string) => toOutcome(await close.executeMutation({ id }, context)),
    reopen: async (id: string) => toOutcome(await reopen.executeMutation({ id }, context)),
    addNote: async (ticketId: string, text: string) => toOutcome(await noteAdd.executeMutation({ input: { ticketId, text } }, context)),
    /** Id and subject of the ticket with `number` (data null when there is none the viewer may see). */
    lookup: async (number: number) => toOutcome(await client.query(ticketLookupQuery, { number }, { requestPolicy: 'network-only' }).toPromise()),
  };
}
