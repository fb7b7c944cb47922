import { Migration } from '@mikro-orm/migrations';

/**
 * The customer portal: contacts' rights, portal sessions (a session kind, a ticket scope for signed
 * ticket links, the admin behind a "sign in as this customer"), one-time sign-in links, ratings of
 * closed tickets, and a small audit trail of admins' views as a customer.
 */
export class Migration20261204000000_portal extends Migration {
  override up(): void {
    this.addSql(`
      alter table contacts add column sees_customer_tickets boolean not null default false;
      create unique index contacts_tenant_user on contacts (tenant_id, user_id) where user_id is not null;
      -- Sign-in links are asked for by e-mail alone (the tenant is not known yet): look contacts up by address.
      create index contacts_email on contacts (email);

      alter table sessions
        add column kind text not null default 'staff' check (kind in ('staff', 'portal')),
        add column ticket_id uuid references tickets(id) on delete cascade deferrable initially deferred,
        add column acting_user_id uuid references users(id) on delete cascade deferrable initially deferred;

      alter table departments
        add column portal_priority boolean not null default false,
        add column rating_mail_enabled boolean not null default false;

      alter table tickets
        add column portal_link_version integer not null default 1,
        add column rating_mail_at timestamptz;

      create table portal_links (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        purpose text not null check (purpose in ('magic', 'reset', 'invite', 'impersonate')),
        contact_id uuid not null references contacts(id) on delete cascade deferrable initially deferred,
        acting_user_id uuid references users(id) on delete cascade deferrable initially deferred,
        token_hash text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz
      );
      create unique index portal_links_tenant_token on portal_links (tenant_id, token_hash);
      create index portal_links_tenant_contact on portal_links (tenant_id, contact_id, created_at);

      create table ticket_ratings (
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        ticket_id uuid not null references tickets(id) on delete cascade deferrable initially deferred,
        contact_id uuid references contacts(id) on delete set null deferrable initially deferred,
        department_id uuid not null,
        handler_id uuid,
        good boolean not null,
        comment text not null default '',
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (tenant_id, ticket_id)
      );
      create index ticket_ratings_tenant_created on ticket_ratings (tenant_id, created_at);

      create table audit_events (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        at timestamptz not null,
        actor_user_id uuid references users(id) on delete set null deferrable initially deferred,
        action text not null,
        subject text not null
      );
      create index audit_events_tenant_at on audit_events (tenant_id, at);

      create index tickets_contact_activity on tickets (tenant_id, contact_id, last_activity_at desc) where contact_id is not null;
      create index tickets_customer_activity on tickets (tenant_id, customer_id, last_activity_at desc) where customer_id is not null;
    `);
  }

  override down(): void {
    this.addSql(`
      drop index if exists tickets_customer_activity;
      drop index if exists tickets_contact_activity;
      drop table if exists audit_events, ticket_ratings, portal_links;
      alter table tickets drop column if exists portal_link_version, drop column if exists rating_mail_at;
      alter table departments drop column if exists portal_priority, drop column if exists rating_mail_enabled;
      alter table sessions drop column if exists kind, drop column if exists ticket_id, drop column if exists acting_user_id;
      drop index if exists contacts_email;
      drop index if exists contacts_tenant_user;
      alter table contacts drop column if exists sees_customer_tickets;
    `);
  }
}
