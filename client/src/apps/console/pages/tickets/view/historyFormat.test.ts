import { describe, expect, it } from 'vitest';
import { historyValue, type HistoryLookups } from './historyFormat';

const lookups: HistoryLookups = {
  statusLabel: (key) => ({ new: 'Neu', open: 'Offen' })[key],
  priorityLabel: (priority) => `P:${priority}`,
  staffName: (id) => ({ u1: 'Anna', u2: 'Ben' })[id],
  departmentName: (id) => ({ d1: 'Support' })[id],
  customerName: (id) => ({ c1: 'Muster GmbH' })[id],
  contactName: () => undefined,
  dateTime: (iso) => `at ${iso}`,
  day: (value) => `day ${value}`,
  yesNo: (value) => (value ? 'yes' : 'no'),
};

describe('historyValue', () => {
  it('names statuses, staff, departments and priorities instead of keys, ids and ranks', () => {
    expect(historyValue('status', 'open', lookups)).toBe('Offen');
    expect(historyValue('handlerId', 'u1', lookups)).toBe('Anna');
    expect(historyValue('watchers', 'u1, u2', lookups)).toBe('Anna, Ben');
    expect(historyValue('department', 'd1', lookups)).toBe('Support');
    expect(historyValue('priority', '3', lookups)).toBe('P:URGENT');
  });

  it('formats efforts, instants, days and flags', () => {
    expect(historyValue('estimatedMinutes', '90', lookups)).toBe('1:30');
    expect(historyValue('processingStart', '2026-11-24T08:00:00.000Z', lookups)).toBe('at 2026-11-24T08:00:00.000Z');
    expect(historyValue('expectedDate', '2026-11-30', lookups)).toBe('day 2026-11-30');
    expect(historyValue('timeTrackingAllowed', 'true', lookups)).toBe('yes');
  });

  it('shows what it cannot resolve as stored, and nothing as null', () => {
    expect(historyValue('handlerId', 'gone', lookups)).toBe('gone');
    expect(historyValue('watchers', 'u1,gone', lookups)).toBe('Anna, gone');
    expect(historyValue('subject', 'Drucker', lookups)).toBe('Drucker');
    expect(historyValue('status', null, lookups)).toBeNull();
  });
});
