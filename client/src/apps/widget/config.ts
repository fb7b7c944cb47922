import type { WidgetLang } from '@/shared/widget/messages';
import type { WidgetTextsConfig } from '@/shared/widget/formView';

/** What `GET /widget/<key>/config` answers. */
export interface WidgetConfig {
  primaryColor: string;
  primaryTextColor: string;
  texts: Partial<Record<WidgetLang, WidgetTextsConfig>>;
  /** Signed time the form was handed out; sent back with the request (minimum fill time). */
  token: string;
  limits: { attachmentBytes: number; messageChars: number };
}

/** What the loader hands the form when the visitor opens it. */
export interface WidgetContext {
  shadow: ShadowRoot;
  launcher: HTMLButtonElement;
  config: WidgetConfig;
  lang: WidgetLang;
  key: string;
  /** Tresen's address, ending in `/`. */
  base: string;
}
