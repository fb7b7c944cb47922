import type { StatusCategory } from '@/shared/graphql/generated/graphql';

export const STATUS_CATEGORIES = ['OPEN', 'PENDING', 'CLOSED'] as const satisfies readonly StatusCategory[];

/** `ticketCounts` leaves closed tickets out: an inbox is about what still needs doing. */
export const COUNTED_CATEGORIES = ['OPEN', 'PENDING'] as const satisfies readonly StatusCategory[];

export type CategoryCounts = Record<StatusCategory, number>;

export function emptyCategoryCounts(): CategoryCounts {
  return { OPEN: 0, PENDING: 0, CLOSED: 0 };
}

/**
 * Sums the per-status counts of `ticketCounts` into status categories, per department and in
 * total. Counts of a status that is not in `statuses` (e.g. removed meanwhile) are left out.
 */
export function countByCategory(
  counts: ReadonlyArray<{ departmentId: string; statusId: string; count: number }>,
  statuses: ReadonlyArray<{ id: string; category: StatusCategory }>,
): { byDepartment: Map<string, CategoryCounts>; total: CategoryCounts } {
  const categoryOf = new Map(statuses.map((status) => [status.id, status.category]));
  const byDepartment = new Map<string, CategoryCounts>();
  const total = emptyCategoryCounts();
  for (const { departmentId, statusId, count } of counts) {
    const category = categoryOf.get(statusId);
    if (!category) continue;
    let department = byDepartment.get(departmentId);
    if (!department) byDepartment.set(departmentId, (department = emptyCategoryCounts()));
    department[category] += count;
    total[category] += count;
  }
  return { byDepartment, total };
}
