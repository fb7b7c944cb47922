import { Migration } from '@mikro-orm/migrations';

/**
 * Time tracking and billing: time entries (minutes on a ticket by a staff member, priced by the
 * user group they were in), running timers (one per staff member, its start time is the truth),
 * and quotes with their lines. An entry is billed by pointing at its quote.
 */
export class Migration20261129020000_time_tracking extends Migration {
  override up(): void {
    this.addSql(`
      alter table tenant_counters add column last_quote_number integer not null default 0;

      create table quotes (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        number integer not null,
        customer_id uuid references customers(id) on delete set null deferrable initially deferred,
        customer_name text not null,
        status text not null default 'draft' check (status in ('draft', 'sent', 'accepted', 'rejected')),
        currency text not null default 'EUR',
        total_cents bigint not null,
        created_by_id uuid references users(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        unique (tenant_id, number)
      );
      create index quotes_list on quotes (tenant_id, created_at desc);

      create table quote_lines (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        quote_id uuid not null references quotes(id) on delete cascade deferrable initially deferred,
        position integer not null,
        ticket_id uuid references tickets(id) on delete set null deferrable initially deferred,
        ticket_number integer not null,
        ticket_subject text not null,
        user_group_id uuid references user_groups(id) on delete set null deferrable initially deferred,
        group_name text not null,
        minutes integer not null,
        rate_cents integer not null,
        amount_cents bigint not null
      );
      create index quote_lines_quote on quote_lines (tenant_id, quote_id, position);

      create table time_entries (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        ticket_id uuid not null references tickets(id) on delete cascade deferrable initially deferred,
        user_id uuid not null references users(id) on delete cascade deferrable initially deferred,
        user_group_id uuid references user_groups(id) on delete set null deferrable initially deferred,
        minutes integer not null check (minutes between 1 and 1440),
        work_date date not null,
        note text not null default '',
        quote_id uuid references quotes(id) on delete set null deferrable initially deferred,
        billed_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1
      );
      create index time_entries_ticket on time_entries (tenant_id, ticket_id, work_date);
      create index time_entries_unbilled on time_entries (tenant_id, ticket_id) where quote_id is null;
      create index time_entries_user on time_entries (tenant_id, user_id, work_date);

      create table timers (
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        user_id uuid not null references users(id) on delete cascade deferrable initially deferred,
        ticket_id uuid not null references tickets(id) on delete cascade deferrable initially deferred,
        started_at timestamptz not null,
        primary key (tenant_id, user_id)
      );
      create index timers_ticket on timers (tenant_id, ticket_id);
    `);
  }

  override down(): void {
    this.addSql(`
      drop table if exists timers, time_entries, quote_lines, quotes cascade;
      alter table tenant_counters drop column if exists last_quote_number;
    `);
  }
}
