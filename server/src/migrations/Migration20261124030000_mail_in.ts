import { Migration } from '@mikro-orm/migrations';

/**
 * Mail in: mailboxes (an address of a department with its IMAP settings), their leases and live
 * state, and one row per imported server message (mailbox, UIDVALIDITY, UID) with the raw mail,
 * written in the same transaction as the ticket and message it became.
 */
export class Migration20261124030000_mail_in extends Migration {
  override up(): void {
    this.addSql(`
      create table mailboxes (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        department_id uuid not null references departments(id) on delete cascade deferrable initially deferred,
        address text not null check (address = lower(address)),
        sender_name text not null default '',
        imap_enabled boolean not null default true,
        imap_host text not null,
        imap_port integer not null check (imap_port between 1 and 65535),
        imap_security text not null check (imap_security in ('tls', 'starttls', 'none')),
        imap_user text not null,
        imap_password_enc text not null,
        imap_folder text not null default 'INBOX',
        imap_allow_invalid_certificate boolean not null default false,
        after_import text not null default 'seen' check (after_import in ('keep', 'seen', 'move', 'delete')),
        after_import_folder text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        check (after_import <> 'move' or after_import_folder is not null)
      );
      create unique index mailboxes_tenant_address on mailboxes (tenant_id, address);
      create index mailboxes_department on mailboxes (tenant_id, department_id);
      create index mailboxes_enabled on mailboxes (imap_enabled) where imap_enabled;

      -- Who watches a mailbox: one holder at a time across all processes, renewed while alive.
      create table mailbox_leases (
        mailbox_id uuid primary key references mailboxes(id) on delete cascade deferrable initially deferred,
        tenant_id uuid not null,
        holder text not null,
        expires_at timestamptz not null
      );

      -- Import position and the live state the admin sees.
      create table mailbox_states (
        mailbox_id uuid primary key references mailboxes(id) on delete cascade deferrable initially deferred,
        tenant_id uuid not null,
        uid_validity bigint,
        last_uid bigint not null default 0,
        connection text not null default 'waiting',
        last_import_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        updated_at timestamptz not null default now()
      );

      create table inbound_mails (
        id uuid primary key,
        tenant_id uuid not null references tenants(id) on delete cascade deferrable initially deferred,
        mailbox_id uuid not null references mailboxes(id) on delete cascade deferrable initially deferred,
        uid_validity bigint not null,
        uid bigint not null,
        message_id_header text,
        raw_sha256 text not null,
        raw bytea not null,
        size integer not null,
        subject text,
        from_address text,
        status text not null check (status in ('imported', 'duplicate', 'ignored', 'failed')),
        reason text,
        ticket_id uuid references tickets(id) on delete set null deferrable initially deferred,
        message_id uuid references messages(id) on delete set null deferrable initially deferred,
        received_at timestamptz not null,
        imported_at timestamptz not null,
        server_done boolean not null default false,
        retried_at timestamptz
      );
      create unique index inbound_mails_position on inbound_mails (tenant_id, mailbox_id, uid_validity, uid);
      create index inbound_mails_identity on inbound_mails (tenant_id, mailbox_id, raw_sha256);
      create index inbound_mails_failed on inbound_mails (tenant_id, imported_at desc) where status = 'failed';
      create index inbound_mails_pending on inbound_mails (mailbox_id, uid_validity) where not server_done;
      create index inbound_mails_today on inbound_mails (tenant_id, mailbox_id, imported_at);

      alter table messages
        add column mail_message_id text,
        add column quoted_text text,
        add column automatic_reason text,
        add column no_auto_reply boolean not null default false,
        add column bounced_recipients text[] not null default '{}',
        add column has_remote_images boolean not null default false;
      create index messages_mail_message_id on messages (tenant_id, mail_message_id) where mail_message_id is not null;

      alter table attachments
        add column content_id text,
        add column inline boolean not null default false;

      alter table tickets add column unread boolean not null default false;
    `);
  }

  override down(): void {
    this.addSql(`
      alter table tickets drop column if exists unread;
      alter table attachments drop column if exists content_id, drop column if exists inline;
      drop index if exists messages_mail_message_id;
      alter table messages drop column if exists mail_message_id, drop column if exists quoted_text,
        drop column if exists automatic_reason, drop column if exists no_auto_reply, drop column if exists bounced_recipients, drop column if exists has_remote_images;
      drop table if exists inbound_mails, mailbox_states, mailbox_leases, mailboxes cascade;
    `);
  }
}
