import type { Widget } from '@/shared/entities/widget/composables/useWidgets';
import type { WidgetCreateInput, WidgetLanguage, WidgetUpdateInput } from '@/shared/graphql/generated/graphql';

export interface TextsDraft {
  title: string;
  intro: string;
  thanks: string;
}

/** The widget form's state: origins as text (one per line), texts per language. */
export interface WidgetDraft {
  name: string;
  departmentId: string;
  enabled: boolean;
  origins: string;
  primaryColor: string;
  primaryTextColor: string;
  texts: Record<WidgetLanguage, TextsDraft>;
}

/** One origin per line (or comma-separated) → list without blanks; the server checks each. */
export function parseOrigins(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export const DEFAULT_LOOK = { primaryColor: '#1f6feb', primaryTextColor: '#ffffff' } as const;
const emptyTexts = (): TextsDraft => ({ title: '', intro: '', thanks: '' });

export function emptyDraft(departmentId: string): WidgetDraft {
  return { name: '', departmentId, enabled: true, origins: '', ...DEFAULT_LOOK, texts: { DE: emptyTexts(), EN: emptyTexts() } };
}

export function draftOf(widget: Widget): WidgetDraft {
  const texts = { DE: emptyTexts(), EN: emptyTexts() };
  for (const entry of widget.texts) texts[entry.language] = { title: entry.title, intro: entry.intro, thanks: entry.thanks };
  return {
    name: widget.name,
    departmentId: widget.departmentId,
    enabled: widget.enabled,
    origins: widget.allowedOrigins.join('\n'),
    primaryColor: widget.primaryColor,
    primaryTextColor: widget.primaryTextColor,
    texts,
  };
}

/** A colour the preview may use as is: #rrggbb, else the default (the server says what is wrong on saving). */
export function previewColor(value: string, fallback: string): string {
  return /^#[0-9a-f]{6}$/i.test(value.trim()) ? value.trim().toLowerCase() : fallback;
}

export function toCreateInput(draft: WidgetDraft): WidgetCreateInput {
  return {
    name: draft.name.trim(),
    departmentId: draft.departmentId,
    enabled: draft.enabled,
    allowedOrigins: parseOrigins(draft.origins),
    primaryColor: draft.primaryColor.trim(),
    primaryTextColor: draft.primaryTextColor.trim(),
    texts: (['DE', 'EN'] as const).map((language) => ({ language, ...draft.texts[language] })),
  };
}

export function toUpdateInput(id: string, draft: WidgetDraft): WidgetUpdateInput {
  return { id, ...toCreateInput(draft) };
}
