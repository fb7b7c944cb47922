import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useSession } from '@/shared/entities/session/session';
import { useTicketHandlers } from '@/shared/entities/ticket/composables/useTicketHandlers';
import { staffQuery } from '../graphql/queries';

/**
 * Staff names by user id, from what the viewer may read: themselves, the ticket handlers, and for
 * admins the whole staff list (agents may not read it). `nameOf` is null for anyone else.
 */
export function useStaffNames() {
  const { viewer, isAdmin } = useSession();
  const { handlers } = useTicketHandlers();
  const staff = useQuery({ query: staffQuery, pause: computed(() => !isAdmin.value), context: { additionalTypenames: ['Staff'] } });

  const names = computed(() => {
    const map = new Map<string, string>();
    for (const person of staff.data.value?.staff ?? []) map.set(person.id, person.name);
    for (const handler of handlers.value) map.set(handler.id, handler.name);
    if (viewer.value) map.set(viewer.value.id, viewer.value.name);
    return map;
  });

  return { nameOf: (userId: string): string | null => names.value.get(userId) ?? null };
}
