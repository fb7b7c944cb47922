import { Migration } from '@mikro-orm/migrations';

/**
 * Tenants, users, groups, departments, sessions and API tokens. Every key leads with tenant_id.
 * Foreign keys are checked at commit (deferrable): entities carry plain id columns, so the unit of
 * work may insert a membership before the department it points to within one flush.
 */
export class Migration20261124000000_foundation extends Migration {
  override up(): void {
    this.addSql(`
      create table tenants (
        id uuid primary key,
        name text not null,
        created_at timestamptz not null
      );

      create table users (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        kind text not null check (kind in ('admin', 'agent', 'customer')),
        email text not null check (email = lower(email)),
        name text not null,
        password_hash text,
        active boolean not null default true,
        sessions_valid_from timestamptz not null,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );
      create unique index users_tenant_email on users (tenant_id, email);
      create index users_email on users (email);

      create table user_groups (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        name text not null,
        hourly_rate_cents integer not null check (hourly_rate_cents >= 0),
        created_at timestamptz not null
      );
      create unique index user_groups_tenant_name on user_groups (tenant_id, lower(name));

      create table user_group_members (
        tenant_id uuid not null,
        group_id uuid not null references user_groups(id) on delete cascade deferrable initially deferred,
        user_id uuid not null references users(id) on delete cascade deferrable initially deferred,
        primary key (tenant_id, group_id, user_id)
      );
      create index user_group_members_user on user_group_members (tenant_id, user_id);

      create table departments (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        name text not null,
        is_public boolean not null default false,
        owner_id uuid references users(id) on delete cascade deferrable initially deferred,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (owner_id is null or not is_public)
      );
      create unique index departments_tenant_name on departments (tenant_id, lower(name)) where owner_id is null;
      create unique index departments_tenant_owner on departments (tenant_id, owner_id) where owner_id is not null;

      create table department_members (
        tenant_id uuid not null,
        department_id uuid not null references departments(id) on delete cascade deferrable initially deferred,
        user_id uuid not null references users(id) on delete cascade deferrable initially deferred,
        primary key (tenant_id, department_id, user_id)
      );
      create index department_members_user on department_members (tenant_id, user_id);

      create table sessions (
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        token_hash text not null,
        user_id uuid not null references users(id) on delete cascade deferrable initially deferred,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        primary key (tenant_id, token_hash)
      );
      create index sessions_user on sessions (tenant_id, user_id);

      create table api_tokens (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        name text not null,
        scope text not null check (scope in ('read', 'read_write')),
        token_hash text not null,
        prefix text not null,
        created_by_id uuid not null references users(id) deferrable initially deferred,
        created_at timestamptz not null,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create unique index api_tokens_tenant_hash on api_tokens (tenant_id, token_hash);
    `);
  }

  override down(): void {
    this.addSql('drop table if exists api_tokens, sessions, department_members, departments, user_group_members, user_groups, users, tenants cascade;');
  }
}
