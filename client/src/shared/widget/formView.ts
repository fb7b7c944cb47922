import { widgetMessages, type WidgetLang, type WidgetMessages } from './messages';

/** Colours of a widget, `#rrggbb`. */
export interface WidgetLook {
  primaryColor: string;
  primaryTextColor: string;
}

/** Texts an admin configured for one language; empty ones fall back to the built-in defaults. */
export interface WidgetTextsConfig {
  title: string;
  intro: string;
  thanks: string;
}

export type WidgetField = 'name' | 'email' | 'subject' | 'message' | 'attachment';

export interface FormViewOptions {
  lang: WidgetLang;
  texts: WidgetTextsConfig | undefined;
  maxAttachmentBytes: number;
  /** Prefix for element ids (unique per page). */
  idPrefix: string;
}

/** The form panel and the handles the widget (or the admin preview) needs. */
export interface FormView {
  readonly panel: HTMLElement;
  readonly form: HTMLFormElement;
  readonly heading: HTMLHeadingElement;
  readonly closeButton: HTMLButtonElement;
  readonly submitButton: HTMLButtonElement;
  readonly fields: Record<WidgetField, HTMLInputElement | HTMLTextAreaElement>;
  readonly messages: WidgetMessages;
  showFieldError(field: WidgetField, text: string): void;
  showError(text: string): void;
  clearErrors(): void;
  setBusy(busy: boolean): void;
  showThanks(): void;
}

export const formatSize = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Title, intro and thank-you text in the visitor's language, with the defaults where the admin left them empty. */
export function resolvedTexts(lang: WidgetLang, texts: WidgetTextsConfig | undefined): WidgetTextsConfig {
  const defaults = widgetMessages[lang];
  return { title: texts?.title || defaults.title, intro: texts?.intro || defaults.intro, thanks: texts?.thanks || defaults.thanks };
}

/** Styles of the form inside its shadow root; the host page's styles do not reach it. */
export function widgetStyles(look: WidgetLook): string {
  return `
:host { all: initial; }
.tw { --tw-primary: ${look.primaryColor}; --tw-on-primary: ${look.primaryTextColor}; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2128; }
.tw *, .tw *::before, .tw *::after { box-sizing: border-box; }
.tw-panel { position: relative; background: #fff; color: #1c2128; border-radius: 12px; padding: 20px; width: min(380px, calc(100vw - 24px)); box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); }
.tw-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 12px; margin: -20px -20px 16px; padding: 14px 20px; background: var(--tw-primary); color: var(--tw-on-primary); border-radius: 12px 12px 0 0; }
.tw-head h2 { margin: 0; font-size: 18px; line-height: 1.3; font-weight: 700; }
.tw-close { flex: none; border: 0; background: transparent; color: inherit; font: inherit; font-size: 22px; line-height: 1; width: 32px; height: 32px; border-radius: 6px; cursor: pointer; }
.tw-close:hover { background: rgb(0 0 0 / 0.12); }
.tw-intro { margin: 0 0 14px; }
.tw-field { margin: 0 0 12px; }
.tw-label { display: block; font-weight: 600; margin: 0 0 4px; }
.tw-req { font-weight: 400; color: #57606a; font-size: 13px; }
.tw-input { display: block; width: 100%; font: inherit; color: inherit; background: #fff; padding: 7px 9px; border: 1px solid #8b949e; border-radius: 6px; }
textarea.tw-input { min-height: 110px; resize: vertical; }
.tw-input[aria-invalid="true"] { border-color: #cf222e; box-shadow: 0 0 0 1px #cf222e; }
.tw-file { font: inherit; font-size: 14px; }
.tw-error { color: #a40e26; margin: 4px 0 0; font-size: 14px; }
.tw-alert { margin: 0 0 12px; padding: 8px 12px; border: 1px solid #cf222e; background: #ffebe9; color: #82071e; border-radius: 6px; }
.tw-alert:empty { display: none; }
.tw-thanks { margin: 0 0 16px; padding: 12px; border: 1px solid #1a7f37; background: #dafbe1; color: #0a3d1c; border-radius: 6px; }
.tw-button { font: inherit; font-weight: 600; border: 0; border-radius: 6px; padding: 9px 18px; background: var(--tw-primary); color: var(--tw-on-primary); cursor: pointer; }
.tw-button[disabled] { opacity: .65; cursor: progress; }
.tw :focus-visible { outline: 3px solid var(--tw-primary); outline-offset: 2px; }
.tw-head :focus-visible { outline-color: var(--tw-on-primary); }
.tw [tabindex="-1"]:focus { outline: none; }
.tw-hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.tw-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
}

type Attrs = Record<string, string | boolean>;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) node.append(child);
  return node;
}

/**
 * Builds the contact form (with its labels, hints, error places and live region) as plain DOM, so
 * the widget needs no framework on other people's pages and the console's preview shows exactly it.
 */
export function createFormView(doc: Document, options: FormViewOptions): FormView {
  const m: WidgetMessages = widgetMessages[options.lang];
  const texts = resolvedTexts(options.lang, options.texts);
  const id = (name: string) => `${options.idPrefix}-${name}`;

  const heading = el(doc, 'h2', { id: id('title') }, [texts.title]);
  const closeButton = el(doc, 'button', { type: 'button', class: 'tw-close', 'aria-label': m.closeDialog, 'data-testid': 'widget-close' }, ['×']);
  const head = el(doc, 'div', { class: 'tw-head' }, [heading, closeButton]);
  const intro = el(doc, 'p', { class: 'tw-intro', id: id('intro') }, [texts.intro]);
  // Errors and success are announced here; role=alert so screen readers read them at once.
  const alert = el(doc, 'div', { class: 'tw-alert', role: 'alert', id: id('alert'), 'data-testid': 'widget-alert' });

  const errors = new Map<WidgetField, HTMLElement>();
  const fieldBlock = (field: WidgetField, label: string, control: HTMLInputElement | HTMLTextAreaElement, required: boolean) => {
    const error = el(doc, 'p', { class: 'tw-error', id: id(`${field}-error`), hidden: true });
    errors.set(field, error);
    const labelNode = el(doc, 'label', { class: 'tw-label', for: id(field) }, [label]);
    if (required) labelNode.append(' ', el(doc, 'span', { class: 'tw-req' }, [`(${m.required})`]));
    return el(doc, 'div', { class: 'tw-field' }, [labelNode, control, error]);
  };
  const input = (field: WidgetField, attrs: Attrs) =>
    el(doc, 'input', { class: 'tw-input', id: id(field), name: field, 'data-testid': `widget-${field}`, ...attrs });
  const fields: FormView['fields'] = {
    name: input('name', { autocomplete: 'name', maxlength: '100', required: true }),
    email: input('email', { type: 'email', autocomplete: 'email', maxlength: '254', required: true }),
    subject: input('subject', { maxlength: '200', required: true }),
    message: el(doc, 'textarea', {
      class: 'tw-input',
      id: id('message'),
      name: 'message',
      maxlength: '10000',
      required: true,
      'data-testid': 'widget-message',
    }),
    attachment: el(doc, 'input', { class: 'tw-file', type: 'file', id: id('attachment'), name: 'attachment', 'data-testid': 'widget-attachment' }),
  };
  const honeypot = el(doc, 'div', { class: 'tw-hp', 'aria-hidden': 'true' }, [
    el(doc, 'label', { for: id('website') }, [m.honeypot]),
    el(doc, 'input', { id: id('website'), name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' }),
  ]);
  const submitButton = el(doc, 'button', { type: 'submit', class: 'tw-button', 'data-testid': 'widget-submit' }, [m.send]);
  const form = el(doc, 'form', { novalidate: true, 'aria-labelledby': id('title'), 'aria-describedby': id('intro'), 'data-testid': 'widget-form' }, [
    alert,
    honeypot,
    fieldBlock('name', m.name, fields.name, true),
    fieldBlock('email', m.email, fields.email, true),
    fieldBlock('subject', m.subject, fields.subject, true),
    fieldBlock('message', m.message, fields.message, true),
    fieldBlock('attachment', m.attachment.replace('{size}', formatSize(options.maxAttachmentBytes)), fields.attachment, false),
    submitButton,
  ]);
  const panel = el(doc, 'div', { class: 'tw tw-panel' }, [head, intro, form]);

  function clearErrors(): void {
    alert.textContent = '';
    for (const [field, error] of errors) {
      error.hidden = true;
      error.textContent = '';
      fields[field].removeAttribute('aria-invalid');
      fields[field].removeAttribute('aria-describedby');
    }
  }

  return {
    panel,
    form,
    heading,
    closeButton,
    submitButton,
    fields,
    messages: m,
    clearErrors,
    showFieldError(field, text) {
      const error = errors.get(field)!;
      error.textContent = text;
      error.hidden = false;
      fields[field].setAttribute('aria-invalid', 'true');
      fields[field].setAttribute('aria-describedby', error.id);
    },
    showError(text) {
      alert.textContent = text;
    },
    setBusy(busy) {
      submitButton.disabled = busy;
      submitButton.textContent = busy ? m.sending : m.send;
      form.setAttribute('aria-busy', String(busy));
    },
    showThanks() {
      const thanks = el(doc, 'p', { class: 'tw-thanks', role: 'status', tabindex: '-1', 'data-testid': 'widget-thanks' }, [texts.thanks]);
      const done = el(doc, 'button', { type: 'button', class: 'tw-button', 'data-testid': 'widget-done' }, [m.close]);
      done.addEventListener('click', () => closeButton.click());
      intro.remove();
      form.replaceWith(el(doc, 'div', {}, [thanks, done]));
      thanks.focus();
    },
  };
}
