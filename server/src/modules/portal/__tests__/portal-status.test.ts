import { describe, expect, it } from 'vitest';
import { SYSTEM_STATUSES } from '../../tickets/ticket.entity.js';
import { customerStatusLabel } from '../portal-status.js';

describe('customerStatusLabel', () => {
  it('never shows a staff-side status name such as "customer replied" to the customer', () => {
    expect(customerStatusLabel('customer_replied', 'open')).toEqual({ de: 'In Bearbeitung', en: 'In progress' });
  });

  it('labels custom statuses by their category only', () => {
    expect(customerStatusLabel('waiting_for_supplier_xyz', 'pending')).toEqual({ de: 'Wartet', en: 'Waiting' });
    expect(customerStatusLabel('internal_done', 'closed')).toEqual({ de: 'Geschlossen', en: 'Closed' });
  });

  it('gives every system status a German and an English label', () => {
    for (const status of SYSTEM_STATUSES) {
      const label = customerStatusLabel(status.key, status.category);
      expect(label.de.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
    }
    expect(customerStatusLabel('new', 'open').en).toBe('Received');
  });
});
