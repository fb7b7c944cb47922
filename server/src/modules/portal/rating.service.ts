import type { EntityManager } from '@mikro-orm/postgresql';
import { fieldError } from '../../graphql/errors.js';
import { sql } from '../../infra/sql.js';
import { isUuid } from '../../shared/ids.js';
import type { StaffViewer } from '../auth/viewer.js';
import type { DepartmentService } from '../departments/department.service.js';

export interface RatingCount {
  id: string | null;
  name: string;
  good: number;
  bad: number;
}

/** A ticket's rating as staff see it. */
export interface TicketRatingRow {
  good: boolean;
  comment: string;
  ratedAt: Date;
}

export interface RatingReport {
  departments: RatingCount[];
  agents: RatingCount[];
  /** Per week (Monday, UTC), oldest first. */
  weeks: { weekStart: string; good: number; bad: number }[];
}

const MAX_DAYS = 366;

/** Customers' ratings as the staff see them: one ticket's rating, and the shares per department, agent and week. */
export class RatingService {
  constructor(
    private readonly em: EntityManager,
    private readonly departments: DepartmentService,
  ) {}

  /**
   * The ratings of tickets, by ticket id, in one statement. For tickets the caller has already
   * found visible (the ticket field's parent); it checks only the tenant.
   */
  async ofTickets(tenantId: string, ticketIds: readonly string[]): Promise<Map<string, TicketRatingRow>> {
    const ids = ticketIds.filter(isUuid);
    if (ids.length === 0) return new Map();
    const rows = await sql<{ ticket_id: string; good: boolean; comment: string; updated_at: Date }>(
      this.em,
      'select ticket_id, good, comment, updated_at from ticket_ratings where tenant_id = ? and ticket_id = any(?::uuid[])',
      [tenantId, `{${ids.join(',')}}`],
    );
    return new Map(rows.map((row) => [row.ticket_id, { good: row.good, comment: row.comment, ratedAt: new Date(row.updated_at) }]));
  }

  /** Ratings given in the last `days` days in departments the viewer may see (the department and handler when rated). */
  async report(viewer: StaffViewer, days: number): Promise<RatingReport> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw fieldError('days', `Choose 1 to ${MAX_DAYS} days.`);
    const rule = this.departments.visibleSql(viewer);
    const base = `from ticket_ratings r join departments d on d.tenant_id = r.tenant_id and d.id = r.department_id
      where r.tenant_id = ? and r.updated_at > now() - make_interval(days => ?) and ${rule.text}`;
    const params = [viewer.tenantId, days, ...rule.params];
    const count = 'count(*) filter (where r.good)::int as good, count(*) filter (where not r.good)::int as bad';
    const [departments, agents, weeks] = await Promise.all([
      sql<{ id: string; name: string; good: number; bad: number }>(
        this.em,
        `select d.id, d.name, ${count} ${base} group by d.id, d.name order by d.name`,
        params,
      ),
      sql<{ id: string | null; name: string | null; good: number; bad: number }>(
        this.em,
        `select r.handler_id as id, (select u.name from users u where u.tenant_id = r.tenant_id and u.id = r.handler_id) as name, ${count} ${base}
          group by r.tenant_id, r.handler_id order by 2 nulls last`,
        params,
      ),
      sql<{ week: string; good: number; bad: number }>(
        this.em,
        `select to_char(date_trunc('week', r.updated_at at time zone 'UTC'), 'YYYY-MM-DD') as week, ${count} ${base} group by 1 order by 1`,
        params,
      ),
    ]);
    return {
      departments,
      agents: agents.map((a) => ({ id: a.id, name: a.name ?? '', good: a.good, bad: a.bad })),
      weeks: weeks.map((w) => ({ weekStart: w.week, good: w.good, bad: w.bad })),
    };
  }
}
