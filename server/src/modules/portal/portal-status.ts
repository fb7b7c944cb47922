import type { StatusCategory } from '../tickets/ticket.entity.js';

/** A status as a customer reads it, in German and English. */
export interface CustomerStatusLabel {
  de: string;
  en: string;
}

/**
 * What the customer is told about a ticket's status. Staff statuses say what the team has to do
 * ("customer replied", "new"); the customer needs to know whose move it is. Custom statuses fall back
 * to their category, so an internal status name never reaches a customer.
 */
export function customerStatusLabel(key: string, category: StatusCategory): CustomerStatusLabel {
  if (key === 'new') return { de: 'Eingegangen', en: 'Received' };
  if (key === 'merged') return { de: 'Zusammengeführt', en: 'Merged' };
  if (key === 'answered') return { de: 'Beantwortet', en: 'Answered' };
  switch (category) {
    case 'open':
      return { de: 'In Bearbeitung', en: 'In progress' };
    case 'pending':
      return { de: 'Wartet', en: 'Waiting' };
    case 'closed':
      return { de: 'Geschlossen', en: 'Closed' };
  }
}
