import { Migration } from '@mikro-orm/migrations';

/**
 * Tickets, their statuses, customers and contacts, messages, attachments, watchers and history.
 * Every key and index leads with tenant_id. Full-text search uses stored tsvector columns (German
 * and simple configurations) with GIN indexes; the inbox indexes match its sort (last activity).
 */
export class Migration20261124010000_tickets extends Migration {
  override up(): void {
    this.addSql(`
      create table tenant_counters (
        tenant_id uuid primary key references tenants(id) on delete cascade deferrable initially deferred,
        last_ticket_number integer not null default 0,
        last_customer_number integer not null default 0
      );

      create table ticket_statuses (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        key text not null,
        category text not null check (category in ('open', 'pending', 'closed')),
        label_de text not null,
        label_en text not null,
        is_system boolean not null default false,
        position integer not null default 0
      );
      create unique index ticket_statuses_tenant_key on ticket_statuses (tenant_id, key);

      create table customers (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        number text not null,
        name text not null,
        is_company boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create unique index customers_tenant_number on customers (tenant_id, number);
      create index customers_tenant_name on customers (tenant_id, lower(name) text_pattern_ops);

      create table contacts (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        customer_id uuid not null references customers(id) on delete cascade deferrable initially deferred,
        name text not null,
        email text not null check (email = lower(email)),
        user_id uuid references users(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null
      );
      create unique index contacts_tenant_email on contacts (tenant_id, email);
      create index contacts_tenant_customer on contacts (tenant_id, customer_id);

      create table tickets (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        number integer not null,
        subject text not null,
        status_id uuid not null references ticket_statuses(id) deferrable initially deferred,
        status_category text not null check (status_category in ('open', 'pending', 'closed')),
        priority smallint not null default 1 check (priority between 0 and 3),
        department_id uuid not null references departments(id) deferrable initially deferred,
        channel text not null check (channel in ('mail', 'portal', 'widget', 'phone', 'agent')),
        customer_id uuid references customers(id) on delete set null deferrable initially deferred,
        contact_id uuid references contacts(id) on delete set null deferrable initially deferred,
        customer_name text,
        handler_id uuid references users(id) on delete set null deferrable initially deferred,
        customer_note text,
        internal_note text,
        expected_date date,
        estimated_minutes integer check (estimated_minutes >= 0),
        processing_start timestamptz,
        processing_end timestamptz,
        time_tracking_allowed boolean not null default false,
        merged_into_id uuid references tickets(id) deferrable initially deferred,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_customer_activity_at timestamptz,
        last_agent_activity_at timestamptz,
        last_activity_at timestamptz not null,
        version integer not null default 1,
        search_doc tsvector generated always as (
          setweight(to_tsvector('german', subject), 'A') || setweight(to_tsvector('simple', subject), 'A')
          || setweight(to_tsvector('simple', coalesce(customer_name, '')), 'B')
        ) stored
      );
      create unique index tickets_tenant_number on tickets (tenant_id, number);
      create index tickets_inbox on tickets (tenant_id, department_id, status_category, last_activity_at desc, id);
      create index tickets_department_activity on tickets (tenant_id, department_id, last_activity_at desc, id);
      create index tickets_handler on tickets (tenant_id, handler_id, last_activity_at desc) where handler_id is not null;
      create index tickets_customer on tickets (tenant_id, customer_id) where customer_id is not null;
      create index tickets_search on tickets using gin (search_doc);

      create table ticket_customers (
        tenant_id uuid not null,
        ticket_id uuid not null references tickets(id) on delete cascade deferrable initially deferred,
        customer_id uuid not null references customers(id) on delete cascade deferrable initially deferred,
        primary key (tenant_id, ticket_id, customer_id)
      );
      create index ticket_customers_customer on ticket_customers (tenant_id, customer_id);

      create table ticket_watchers (
        tenant_id uuid not null,
        ticket_id uuid not null references tickets(id) on delete cascade deferrable initially deferred,
        user_id uuid not null references users(id) on delete cascade deferrable initially deferred,
        primary key (tenant_id, ticket_id, user_id)
      );
      create index ticket_watchers_user on ticket_watchers (tenant_id, user_id);

      create table messages (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        ticket_id uuid not null references tickets(id) on delete cascade deferrable initially deferred,
        kind text not null check (kind in ('inbound', 'outbound', 'note')),
        author_user_id uuid references users(id) on delete set null deferrable initially deferred,
        author_contact_id uuid references contacts(id) on delete set null deferrable initially deferred,
        from_address text,
        to_addresses text[] not null default '{}',
        cc_addresses text[] not null default '{}',
        body_text text not null,
        body_html text,
        created_at timestamptz not null,
        search_doc tsvector generated always as (to_tsvector('german', body_text) || to_tsvector('simple', body_text)) stored
      );
      create index messages_ticket on messages (tenant_id, ticket_id, created_at);
      create index messages_search on messages using gin (search_doc);

      create table attachment_blobs (
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        sha256 text not null,
        size integer not null,
        data bytea not null,
        created_at timestamptz not null,
        primary key (tenant_id, sha256)
      );

      create table attachments (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        message_id uuid references messages(id) on delete cascade deferrable initially deferred,
        sha256 text not null,
        filename text not null,
        content_type text not null,
        size integer not null,
        uploaded_by_id uuid references users(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null,
        foreign key (tenant_id, sha256) references attachment_blobs(tenant_id, sha256) deferrable initially deferred
      );
      create index attachments_message on attachments (tenant_id, message_id);

      create table ticket_history (
        id uuid primary key,
        tenant_id uuid not null,
        ticket_id uuid not null references tickets(id) on delete cascade deferrable initially deferred,
        actor_user_id uuid references users(id) on delete set null deferrable initially deferred,
        actor_label text,
        at timestamptz not null,
        field text not null,
        old_value text,
        new_value text
      );
      create index ticket_history_ticket on ticket_history (tenant_id, ticket_id, at);
    `);
  }

  override down(): void {
    this.addSql(
      'drop table if exists ticket_history, attachments, attachment_blobs, messages, ticket_watchers, ticket_customers, tickets, contacts, customers, ticket_statuses, tenant_counters cascade;',
    );
  }
}
