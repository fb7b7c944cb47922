import { Field, ID, InputType, Int } from 'type-graphql';
import { AfterImportGql, MailSecurityGql } from './mailbox.types.js';

@InputType({ description: 'A new receiving address.' })
export class MailboxCreateInput {
  @Field(() => String, { description: 'The e-mail address, e.g. support@example.com.' })
  address!: string;
  @Field(() => ID, { description: 'The department its mail goes to.' })
  departmentId!: string;
  @Field(() => String, { nullable: true, description: 'Name shown as the sender of replies.' })
  senderName?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Import on (default) or off.' })
  enabled?: boolean | null;
  @Field(() => String, { description: 'IMAP host.' })
  host!: string;
  @Field(() => Int, { description: 'IMAP port (993 for TLS, 143 for STARTTLS).' })
  port!: number;
  @Field(() => MailSecurityGql, { description: 'Encryption.' })
  security!: MailSecurityGql;
  @Field(() => String, { description: 'IMAP user name.' })
  user!: string;
  @Field(() => String, { description: 'IMAP password; stored encrypted, never returned.' })
  password!: string;
  @Field(() => String, { nullable: true, description: 'Folder to import from (default INBOX).' })
  folder?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Accept certificates that cannot be verified (self-signed).' })
  allowInvalidCertificate?: boolean | null;
  @Field(() => AfterImportGql, { nullable: true, description: 'What to do on the server after import (default MARK_SEEN).' })
  afterImport?: AfterImportGql | null;
  @Field(() => String, { nullable: true, description: 'Target folder for MOVE.' })
  afterImportFolder?: string | null;
}

@InputType({ description: 'Changes to a mailbox; omitted fields stay. Omit the password to keep it.' })
export class MailboxUpdateInput {
  @Field(() => ID, { description: 'The mailbox.' })
  id!: string;
  @Field(() => Int, { description: 'The version you edited (optimistic lock).' })
  version!: number;
  @Field(() => String, { nullable: true, description: 'The e-mail address.' })
  address?: string | null;
  @Field(() => ID, { nullable: true, description: 'The department its mail goes to.' })
  departmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Name shown as the sender of replies.' })
  senderName?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Import on or off.' })
  enabled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'IMAP host.' })
  host?: string | null;
  @Field(() => Int, { nullable: true, description: 'IMAP port.' })
  port?: number | null;
  @Field(() => MailSecurityGql, { nullable: true, description: 'Encryption.' })
  security?: MailSecurityGql | null;
  @Field(() => String, { nullable: true, description: 'IMAP user name.' })
  user?: string | null;
  @Field(() => String, { nullable: true, description: 'New IMAP password.' })
  password?: string | null;
  @Field(() => String, { nullable: true, description: 'Folder to import from.' })
  folder?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Accept certificates that cannot be verified.' })
  allowInvalidCertificate?: boolean | null;
  @Field(() => AfterImportGql, { nullable: true, description: 'What to do on the server after import.' })
  afterImport?: AfterImportGql | null;
  @Field(() => String, { nullable: true, description: 'Target folder for MOVE.' })
  afterImportFolder?: string | null;
}

@InputType({ description: 'Settings to test: those of a saved mailbox (id), with any field overridden, or new ones.' })
export class MailboxTestInput {
  @Field(() => ID, { nullable: true, description: 'A saved mailbox; its stored password is used unless one is given.' })
  id?: string | null;
  @Field(() => String, { nullable: true, description: 'IMAP host.' })
  host?: string | null;
  @Field(() => Int, { nullable: true, description: 'IMAP port.' })
  port?: number | null;
  @Field(() => MailSecurityGql, { nullable: true, description: 'Encryption.' })
  security?: MailSecurityGql | null;
  @Field(() => String, { nullable: true, description: 'IMAP user name.' })
  user?: string | null;
  @Field(() => String, { nullable: true, description: 'IMAP password.' })
  password?: string | null;
  @Field(() => String, { nullable: true, description: 'Folder.' })
  folder?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Accept certificates that cannot be verified.' })
  allowInvalidCertificate?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Address (for a new mailbox; only checked for form).' })
  address?: string | null;
  @Field(() => ID, { nullable: true, description: 'Department (for a new mailbox).' })
  departmentId?: string | null;
}
