import type { TicketChannel, TicketPriority } from '@/shared/graphql/generated/graphql';

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const satisfies readonly TicketPriority[];

/** Channels staff pick when they record a ticket themselves; the others are set by mail, portal and widget. */
export const STAFF_CHANNELS = ['PHONE', 'AGENT'] as const satisfies readonly TicketChannel[];

/** Badge tone of a priority: only high and urgent stand out. */
export function priorityTone(priority: TicketPriority): 'neutral' | 'muted' | 'warning' | 'danger' {
  if (priority === 'URGENT') return 'danger';
  if (priority === 'HIGH') return 'warning';
  return priority === 'LOW' ? 'muted' : 'neutral';
}
