import { Migration } from '@mikro-orm/migrations';

/**
 * Automatic acknowledgements: an address may answer a new ticket's first mail once, automatically,
 * and such mail is marked so that it is never answered or counted as a person's reply.
 */
export class Migration20261129010000_auto_reply extends Migration {
  override up(): void {
    this.addSql(`
      alter table mailboxes
        add column auto_reply_enabled boolean not null default false,
        add column auto_reply_subject text not null default '',
        add column auto_reply_text text not null default '';
      alter table messages add column auto_generated boolean not null default false;
      create index messages_auto_generated on messages (tenant_id, created_at) where auto_generated;
    `);
  }

  override down(): void {
    this.addSql(`
      drop index if exists messages_auto_generated;
      alter table messages drop column if exists auto_generated;
      alter table mailboxes drop column if exists auto_reply_enabled, drop column if exists auto_reply_subject, drop column if exists auto_reply_text;
    `);
  }
}
