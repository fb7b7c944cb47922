import { Migration } from '@mikro-orm/migrations';

/**
 * Counting an inbox narrowed to statuses and handlers ("my open tickets") from an index that holds
 * exactly those keys: the bounded count reads its (at most 1,001) matches instead of filtering
 * every open ticket of the department (measured at 1M tickets with bench/tickets: 2.5 -> 0.4 ms).
 */
export class Migration20261129030000_count_index extends Migration {
  override up(): void {
    this.addSql(`
      create index tickets_department_status_handler on tickets (tenant_id, department_id, status_id, handler_id)
        include (status_category) where merged_into_id is null;
    `);
  }

  override down(): void {
    this.addSql('drop index if exists tickets_department_status_handler;');
  }
}
