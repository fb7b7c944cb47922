import { Migration } from '@mikro-orm/migrations';

/**
 * Mail out: sending settings and a signature per address, a signature per staff member, canned
 * replies, and on messages what a reply was sent with and how far its sending got. The send jobs
 * themselves live in pg-boss's own schema (`pgboss`), written in the same transaction as the reply.
 */
export class Migration20261129000000_mail_out extends Migration {
  override up(): void {
    this.addSql(`
      alter table mailboxes
        add column smtp_enabled boolean not null default false,
        add column smtp_transport text not null default 'smtp' check (smtp_transport in ('smtp', 'sendmail')),
        add column smtp_host text,
        add column smtp_port integer check (smtp_port between 1 and 65535),
        add column smtp_security text check (smtp_security in ('tls', 'starttls', 'none')),
        add column smtp_user text,
        add column smtp_password_enc text,
        add column smtp_allow_invalid_certificate boolean not null default false,
        add column signature text not null default '',
        add constraint mailboxes_smtp_complete check (not smtp_enabled or smtp_transport = 'sendmail' or (smtp_host is not null and smtp_port is not null and smtp_security is not null));

      alter table users add column signature text not null default '';

      alter table messages
        add column subject text,
        add column bcc_addresses text[] not null default '{}',
        add column mailbox_id uuid references mailboxes(id) on delete set null deferrable initially deferred,
        add column send_status text check (send_status in ('queued', 'sending', 'sent', 'failed')),
        add column send_error text,
        add column send_attempts integer not null default 0,
        add column sent_at timestamptz;

      create table canned_replies (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        department_id uuid references departments(id) on delete cascade deferrable initially deferred,
        category text not null default '',
        title text not null,
        body text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1
      );
      create index canned_replies_list on canned_replies (tenant_id, department_id, category, title);
      create unique index canned_replies_title on canned_replies (tenant_id, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(title));
    `);
  }

  override down(): void {
    this.addSql(`
      drop table if exists canned_replies;
      alter table messages drop column if exists subject, drop column if exists bcc_addresses, drop column if exists mailbox_id,
        drop column if exists send_status, drop column if exists send_error, drop column if exists send_attempts, drop column if exists sent_at;
      alter table users drop column if exists signature;
      alter table mailboxes drop constraint if exists mailboxes_smtp_complete, drop column if exists smtp_enabled, drop column if exists smtp_transport,
        drop column if exists smtp_host, drop column if exists smtp_port, drop column if exists smtp_security, drop column if exists smtp_user,
        drop column if exists smtp_password_enc, drop column if exists smtp_allow_invalid_certificate,
        drop column if exists signature;
    `);
  }
}
