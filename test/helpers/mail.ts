import { randomBytes } from 'node:crypto';
import type { ImportMailbox } from '../../server/src/modules/mail/import/mail-importer.js';
import type { World } from './factories.js';

export interface MailSpec {
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  text?: string;
}

/** A fresh Message-ID (without brackets). */
export const newMessageId = (domain = 'customer.example') => `${randomBytes(8).toString('hex')}@${domain}`;

/** A plain RFC 5322 message as a customer's mail program would write it. */
export function rawMail(spec: MailSpec = {}): string {
  const lines = [
    `From: ${spec.from ?? 'Erika Mustermann <erika@customer.example>'}`,
    `To: ${spec.to ?? 'support@tresen.example'}`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    `Subject: ${spec.subject ?? 'Drucker druckt nicht'}`,
    `Date: ${new Date().toUTCString()}`,
    ...(spec.messageId === null ? [] : [`Message-ID: <${spec.messageId ?? newMessageId()}>`]),
    ...(spec.inReplyTo ? [`In-Reply-To: <${spec.inReplyTo}>`] : []),
    ...(spec.references?.length ? [`References: ${spec.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...Object.entries(spec.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    spec.text ?? 'Hallo,\r\nder Drucker im 2. Stock druckt seit heute morgen nicht mehr.\r\n\r\nGrüße\r\nErika',
    '',
  ];
  return lines.join('\r\n');
}

/**
 * A disabled mailbox (support@tresen.example) in the world's shared department, created through the
 * API, as the importer sees it: for tests that hand mail to the importer directly.
 */
export async function importMailbox(world: World): Promise<ImportMailbox> {
  const { mailboxCreate } = await world.asAdmin.data<{ mailboxCreate: { id: string } }>(
    'mutation ($i: MailboxCreateInput!) { mailboxCreate(input: $i) { id } }',
    {
      i: {
        address: 'support@tresen.example',
        departmentId: world.sharedDepartmentId,
        host: '127.0.0.1',
        port: 1,
        security: 'NONE',
        user: 'u',
        password: 'p',
        enabled: false,
      },
    },
  );
  return { id: mailboxCreate.id, tenantId: world.tenantId, departmentId: world.sharedDepartmentId };
}
