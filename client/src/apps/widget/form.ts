/**
 * The widget's form, loaded by the loader on demand: a modal dialog (focus kept inside, Escape
 * closes, focus back on the launcher) with the contact form, sent as multipart/form-data to
 * `POST /widget/<key>/requests`. Errors are shown next to their fields and announced.
 */
import { createFormView, formatSize, widgetStyles, type FormView, type WidgetField } from '@/shared/widget/formView';
import type { WidgetContext } from './config';

const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]+$/;

interface Open {
  dialog: HTMLDialogElement;
  view: FormView;
  sent: boolean;
}
let current: Open | null = null;

export function openWidgetForm(context: WidgetContext): void {
  if (!current || current.sent) current = build(context);
  const { dialog, view } = current;
  if (!dialog.open) dialog.showModal();
  context.launcher.setAttribute('aria-expanded', 'true');
  view.fields.name.focus();
}

function build(context: WidgetContext): Open {
  current?.dialog.remove();
  const { shadow, config, lang } = context;
  if (!shadow.querySelector('style[data-form]')) {
    const style = document.createElement('style');
    style.setAttribute('data-form', '');
    style.textContent = `${widgetStyles(config)}
.tw-dialog{padding:0;border:0;background:transparent;margin:auto 20px 84px auto;max-width:calc(100vw - 24px);max-height:calc(100vh - 104px);overflow:auto;border-radius:12px}
.tw-dialog::backdrop{background:rgb(0 0 0 / .35)}
@media (max-width:480px){.tw-dialog{margin:auto 12px 12px;max-height:calc(100vh - 24px)}}`;
    shadow.append(style);
  }
  const view = createFormView(document, { lang, texts: config.texts[lang], maxAttachmentBytes: config.limits.attachmentBytes, idPrefix: 'tresen-w' });
  const dialog = document.createElement('dialog');
  dialog.className = 'tw-dialog';
  dialog.setAttribute('aria-labelledby', view.heading.id);
  dialog.setAttribute('data-testid', 'widget-dialog');
  dialog.append(view.panel);
  shadow.append(dialog);
  const state: Open = { dialog, view, sent: false };

  const close = () => dialog.close();
  view.closeButton.addEventListener('click', close);
  // However it closes (button, Escape, the browser's own close), the launcher gets the focus back.
  dialog.addEventListener('close', () => {
    context.launcher.setAttribute('aria-expanded', 'false');
    context.launcher.focus();
  });
  dialog.addEventListener('click', (event) => event.target === dialog && close());
  dialog.addEventListener('keydown', (event) => trapFocus(event, view.panel, shadow));
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(context, state);
  });
  return state;
}

/** Tab and Shift+Tab go round inside the dialog instead of leaving it. */
function trapFocus(event: KeyboardEvent, panel: HTMLElement, shadow: ShadowRoot): void {
  if (event.key !== 'Tab') return;
  const focusable = [...panel.querySelectorAll<HTMLElement>('button, input, textarea, [tabindex="0"]')].filter(
    (node) => !node.hasAttribute('disabled') && node.tabIndex >= 0 && !node.closest('[aria-hidden="true"]'),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = shadow.activeElement;
  if (event.shiftKey && (active === first || !panel.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

function fieldMessage(view: FormView, field: string, maxBytes: number): string | null {
  const m = view.messages;
  const byField: Record<string, string> = {
    name: m.fieldName,
    email: m.fieldEmail,
    subject: m.fieldSubject,
    message: m.fieldMessage,
    attachment: m.fieldAttachment.replace('{size}', formatSize(maxBytes)),
    token: m.fieldToken,
    website: m.failed,
  };
  return byField[field] ?? null;
}

/** Checks what the browser can check, so most mistakes are shown without a round trip. */
function localErrors(context: WidgetContext, view: FormView): WidgetField[] {
  const { fields } = view;
  const invalid: WidgetField[] = [];
  const name = fields.name.value.trim();
  if (name === '' || name.length > 100) invalid.push('name');
  if (!EMAIL.test(fields.email.value.trim())) invalid.push('email');
  const subject = fields.subject.value.trim();
  if (subject === '' || subject.length > 200) invalid.push('subject');
  const message = fields.message.value.trim();
  if (message === '' || message.length > context.config.limits.messageChars) invalid.push('message');
  const files = (fields.attachment as HTMLInputElement).files;
  if (files && (files.length > 1 || [...files].some((file) => file.size > context.config.limits.attachmentBytes))) invalid.push('attachment');
  return invalid;
}

async function send(context: WidgetContext, state: Open): Promise<void> {
  const { view } = state;
  const maxBytes = context.config.limits.attachmentBytes;
  view.clearErrors();
  const invalid = localErrors(context, view);
  if (invalid.length > 0) {
    for (const field of invalid) view.showFieldError(field, fieldMessage(view, field, maxBytes)!);
    view.showError(view.messages.errorSummary);
    view.fields[invalid[0]!].focus();
    return;
  }
  const body = new FormData(view.form);
  body.set('token', context.config.token);
  view.setBusy(true);
  let response: Response;
  try {
    response = await fetch(`${context.base}widget/${context.key}/requests`, { method: 'POST', body, credentials: 'omit' });
  } catch {
    view.setBusy(false);
    view.showError(view.messages.network);
    return;
  }
  view.setBusy(false);
  if (response.ok) {
    state.sent = true;
    view.showThanks();
    return;
  }
  const answer = (await response.json().catch(() => null)) as { error?: { code?: string; field?: string } } | null;
  const code = answer?.error?.code ?? '';
  const field = answer?.error?.field ?? '';
  const text = fieldMessage(view, field, maxBytes);
  if (text && field in view.fields) {
    view.showFieldError(field as WidgetField, text);
    view.showError(view.messages.errorSummary);
    view.fields[field as WidgetField].focus();
    return;
  }
  const byCode: Record<string, string> = { NOT_FOUND: view.messages.notFound, FORBIDDEN: view.messages.forbidden, RATE_LIMITED: view.messages.rateLimited };
  view.showError(text ?? byCode[code] ?? view.messages.failed);
}
