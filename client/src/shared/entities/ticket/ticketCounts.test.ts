import { describe, expect, it } from 'vitest';
import { countByCategory } from './ticketCounts';

const statuses = [
  { id: 'new', category: 'OPEN' as const },
  { id: 'open', category: 'OPEN' as const },
  { id: 'waiting', category: 'PENDING' as const },
  { id: 'closed', category: 'CLOSED' as const },
];

describe('countByCategory', () => {
  it('sums the statuses of one category per department and in total', () => {
    const { byDepartment, total } = countByCategory(
      [
        { departmentId: 'a', statusId: 'new', count: 2 },
        { departmentId: 'a', statusId: 'open', count: 3 },
        { departmentId: 'a', statusId: 'closed', count: 7 },
        { departmentId: 'b', statusId: 'waiting', count: 1 },
      ],
      statuses,
    );
    expect(byDepartment.get('a')).toEqual({ OPEN: 5, PENDING: 0, CLOSED: 7 });
    expect(byDepartment.get('b')).toEqual({ OPEN: 0, PENDING: 1, CLOSED: 0 });
    expect(total).toEqual({ OPEN: 5, PENDING: 1, CLOSED: 7 });
  });

  it('leaves out counts of statuses it does not know', () => {
    const { byDepartment, total } = countByCategory([{ departmentId: 'a', statusId: 'gone', count: 4 }], statuses);
    expect(byDepartment.size).toBe(0);
    expect(total).toEqual({ OPEN: 0, PENDING: 0, CLOSED: 0 });
  });
});
