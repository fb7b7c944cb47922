import { describe, expect, it } from 'vitest';
import { draftChanges, draftFromTicket, isDirty, type DraftSource } from './ticketDraft';

const ticket: DraftSource = {
  subject: 'Drucker druckt nicht',
  status: { id: 's-open', key: 'open', category: 'OPEN', labelDe: 'Offen', labelEn: 'Open' },
  priority: 'NORMAL',
  handler: { id: 'u1', name: 'Anna' },
  watchers: [
    { id: 'u2', name: 'Ben' },
    { id: 'u1', name: 'Anna' },
  ],
  customer: { id: 'c1', number: 'K-1', name: 'Muster GmbH', isCompany: true, contacts: [] },
  contact: null,
  customers: [],
  customerNote: null,
  internalNote: 'VIP',
  expectedDate: null,
  estimatedMinutes: 90,
  processingStart: null,
  processingEnd: null,
  timeTrackingAllowed: true,
};

describe('draftChanges', () => {
  it('sends nothing for an untouched draft', () => {
    const base = draftFromTicket(ticket);
    expect(draftChanges(base, draftFromTicket(ticket))).toEqual({ ok: true, changes: {} });
    expect(isDirty(base, draftFromTicket(ticket))).toBe(false);
  });

  it('sends only the changed fields', () => {
    const base = draftFromTicket(ticket);
    const draft = { ...draftFromTicket(ticket), priority: 'URGENT' as const, estimated: '2:15', watcherIds: ['u2'] };
    expect(draftChanges(base, draft)).toEqual({ ok: true, changes: { priority: 'URGENT', estimatedMinutes: 135, watcherIds: ['u2'] } });
  });

  it('clears a removed handler and emptied fields explicitly', () => {
    const base = draftFromTicket(ticket);
    const draft = { ...draftFromTicket(ticket), handlerId: '', internalNote: '  ', estimated: '', customer: null };
    expect(draftChanges(base, draft)).toEqual({
      ok: true,
      changes: { clearHandler: true, internalNote: null, estimatedMinutes: null, customerId: null },
    });
  });

  it('ignores watchers in another order and the same effort written differently', () => {
    const base = draftFromTicket(ticket);
    const draft = { ...draftFromTicket(ticket), watcherIds: ['u2', 'u1'], estimated: '90' };
    expect(draftChanges(base, draft)).toEqual({ ok: true, changes: {} });
  });

  it('refuses an effort it cannot read and an empty subject', () => {
    const base = draftFromTicket(ticket);
    expect(draftChanges(base, { ...draftFromTicket(ticket), estimated: 'soon' })).toEqual({ ok: false, field: 'estimated' });
    expect(draftChanges(base, { ...draftFromTicket(ticket), subject: ' ' })).toEqual({ ok: false, field: 'subject' });
  });
});
