import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Languages the widget and the hosted contact form speak. */
export const WIDGET_LANGUAGES = ['de', 'en'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

/** The texts a visitor sees in one language; an empty text means "use the built-in default". */
export interface WidgetTexts {
  title: string;
  intro: string;
  thanks: string;
}

/**
 * An embeddable contact widget (and its hosted form page): which public department its requests
 * go to, which sites may embed it, and how it looks.
 */
export const Widget = defineEntity({
  name: 'Widget',
  tableName: 'widgets',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    departmentId: p.uuid(),
    enabled: p.boolean().default(true),
    /** Exact origins (`https://www.example.com`) allowed to embed it and post from their pages. */
    allowedOrigins: p.array().$type<string[]>(),
    /** Launcher and button background, `#rrggbb`. */
    primaryColor: p.string(),
    /** Text on the primary colour, `#rrggbb`. */
    primaryTextColor: p.string(),
    texts: p.json<Record<WidgetLanguage, WidgetTexts>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IWidget = InferEntity<typeof Widget>;
