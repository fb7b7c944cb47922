import { Migration } from '@mikro-orm/migrations';

/**
 * The portal lists a customer's tickets newest first, also those where the customer is a further
 * customer. For those, ticket_customers carries a copy of the ticket's last_activity_at, kept by
 * triggers in the same transaction as every change (whichever code path changes a ticket), so the
 * list reads them in order through an index instead of sorting every assigned ticket per page. The
 * ORM does not map the column: the triggers alone write it.
 */
export class Migration20261204020000_assigned_activity extends Migration {
  override up(): void {
    this.addSql(`
      alter table ticket_customers add column last_activity_at timestamptz;
      update ticket_customers tc set last_activity_at = t.last_activity_at from tickets t where t.tenant_id = tc.tenant_id and t.id = tc.ticket_id;

      create function ticket_customers_take_activity() returns trigger language plpgsql as $$
      begin
        -- Null while the ticket itself is not inserted yet (deferred keys); its insert trigger fills it.
        new.last_activity_at := (select t.last_activity_at from tickets t where t.tenant_id = new.tenant_id and t.id = new.ticket_id);
        return new;
      end $$;
      create trigger ticket_customers_take_activity before insert or update of ticket_id on ticket_customers
        for each row execute function ticket_customers_take_activity();

      -- Once per statement, not per row: the mail import writes tickets in multi-row statements.
      create function tickets_share_activity() returns trigger language plpgsql as $$
      begin
        update ticket_customers tc set last_activity_at = n.last_activity_at
          from changed_tickets n
         where tc.tenant_id = n.tenant_id and tc.ticket_id = n.id and tc.last_activity_at is distinct from n.last_activity_at;
        return null;
      end $$;
      create trigger tickets_share_activity_insert after insert on tickets
        referencing new table as changed_tickets for each statement execute function tickets_share_activity();
      create trigger tickets_share_activity_update after update on tickets
        referencing new table as changed_tickets for each statement execute function tickets_share_activity();

      create index ticket_customers_customer_activity on ticket_customers (tenant_id, customer_id, last_activity_at desc, ticket_id desc);
    `);
  }

  override down(): void {
    this.addSql(`
      drop index if exists ticket_customers_customer_activity;
      drop trigger if exists tickets_share_activity_insert on tickets;
      drop trigger if exists tickets_share_activity_update on tickets;
      drop function if exists tickets_share_activity();
      drop trigger if exists ticket_customers_take_activity on ticket_customers;
      drop function if exists ticket_customers_take_activity();
      alter table ticket_customers drop column if exists last_activity_at;
    `);
  }
}
