import { Migration } from '@mikro-orm/migrations';

/**
 * Contact widgets: one row per embeddable widget of a tenant, pointing at a (public) department.
 * Lookups always name the tenant (the public widget key carries it), so every index leads with it.
 */
export class Migration20261204010000_widget extends Migration {
  override up(): void {
    this.addSql(`
      create table widgets (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        name text not null,
        department_id uuid not null references departments(id) on delete cascade deferrable initially deferred,
        enabled boolean not null default true,
        allowed_origins text[] not null default '{}',
        primary_color text not null,
        primary_text_color text not null,
        texts jsonb not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (primary_color ~ '^#[0-9a-f]{6}$' and primary_text_color ~ '^#[0-9a-f]{6}$')
      );
      create unique index widgets_tenant_id on widgets (tenant_id, id);
      create index widgets_tenant_department on widgets (tenant_id, department_id);
    `);
  }

  override down(): void {
    this.addSql('drop table if exists widgets;');
  }
}
