import type { TicketOrderField } from '@/shared/graphql/generated/graphql';

/** Sort fields offered in the inbox (UPDATED is close enough to last activity to leave out). */
export const ORDER_FIELDS = ['LAST_ACTIVITY', 'CREATED', 'NUMBER', 'PRIORITY'] as const satisfies readonly TicketOrderField[];
