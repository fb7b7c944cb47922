import { describe, expect, it } from 'vitest';
import { defaultInboxFilters, hasMoreFilters, toTicketFilter } from './inboxFilters';

describe('toTicketFilter', () => {
  it('asks for open tickets of every department by default', () => {
    expect(toTicketFilter(defaultInboxFilters())).toEqual({ statusCategories: ['OPEN'] });
  });

  it('lets a chosen status win over the category', () => {
    expect(toTicketFilter({ ...defaultInboxFilters(), category: 'CLOSED', statusId: 's1' })).toEqual({ statusIds: ['s1'] });
  });

  it('maps "unassigned" and a handler to different filters', () => {
    expect(toTicketFilter({ ...defaultInboxFilters(), category: 'ALL', handler: 'UNASSIGNED' })).toEqual({ unassigned: true });
    expect(toTicketFilter({ ...defaultInboxFilters(), category: 'ALL', handler: 'u1' })).toEqual({ handlerIds: ['u1'] });
  });

  it('passes department, priority, watched, trimmed search and whole-day ranges', () => {
    const filter = toTicketFilter({
      ...defaultInboxFilters(),
      category: 'ALL',
      departmentId: 'd1',
      priority: 'URGENT',
      watchedByMe: true,
      search: '  drucker  ',
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
    });
    expect(filter).toEqual({
      departmentIds: ['d1'],
      priorities: ['URGENT'],
      watchedByMe: true,
      search: 'drucker',
      createdFrom: new Date(2026, 10, 1).toISOString(),
      createdTo: new Date(2026, 10, 30, 23, 59, 59, 999).toISOString(),
    });
  });

  it('leaves out a search of only spaces', () => {
    expect(toTicketFilter({ ...defaultInboxFilters(), search: '   ' }).search).toBeUndefined();
  });
});

describe('hasMoreFilters', () => {
  it('is true only when a date range is set', () => {
    expect(hasMoreFilters(defaultInboxFilters())).toBe(false);
    expect(hasMoreFilters({ ...defaultInboxFilters(), updatedTo: '2026-11-30' })).toBe(true);
  });
});
