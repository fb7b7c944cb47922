import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A canned reply (vordefinierte Antwort): for every department (departmentId null) or for one. */
export const CannedReply = defineEntity({
  name: 'CannedReply',
  tableName: 'canned_replies',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    departmentId: p.uuid().nullable(),
    category: p.string().default(''),
    title: p.string(),
    /** Plain text with {{placeholders}}. */
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type ICannedReply = InferEntity<typeof CannedReply>;
