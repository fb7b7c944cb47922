import type { IWidget, WidgetLanguage } from './widget.entity.js';
import { PAGE_TEXTS, type PageTexts } from './widget-page.texts.js';
import { formatMiB } from './widget-request.service.js';

/** A field's error on the hosted page, or a message for the whole form. */
export interface PageError {
  field: string | undefined;
  text: string;
}

export interface FormPage {
  key: string;
  widget: IWidget;
  lang: WidgetLanguage;
  token: string;
  maxAttachmentBytes: number;
  values?: { name: string; email: string; subject: string; message: string };
  error?: PageError;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The text of an error on the hosted page, in the page's language. */
export function pageErrorText(lang: WidgetLanguage, code: string, field: string | undefined, maxAttachmentBytes: number): PageError {
  const texts = PAGE_TEXTS[lang];
  const size = formatMiB(maxAttachmentBytes);
  const byField: Record<string, string> = {
    name: texts.fieldName,
    email: texts.fieldEmail,
    subject: texts.fieldSubject,
    message: texts.fieldMessage,
    attachment: texts.fieldAttachment.replace('{size}', size),
    website: texts.fieldWebsite,
    token: texts.fieldToken,
  };
  if (field && byField[field]) return { field, text: byField[field] };
  const byCode: Record<string, string> = { NOT_FOUND: texts.notFound, FORBIDDEN: texts.forbidden, RATE_LIMITED: texts.rateLimited };
  return { field: undefined, text: byCode[code] ?? texts.failed };
}

function shell(lang: WidgetLanguage, widget: IWidget | null, title: string, body: string): string {
  const primary = widget?.primaryColor ?? '#1f6feb';
  const onPrimary = widget?.primaryTextColor ?? '#ffffff';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>
:root { --primary: ${primary}; --on-primary: ${onPrimary}; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2128; background: #f5f6f8; }
main { max-width: 36rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.12); }
h1 { margin: 0 0 .5rem; font-size: 1.5rem; }
p { margin: 0 0 1rem; }
.field { margin-bottom: 1rem; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input, textarea { width: 100%; font: inherit; padding: .5rem .625rem; border: 1px solid #8b949e; border-radius: 6px; background: #fff; color: inherit; }
textarea { min-height: 9rem; resize: vertical; }
input:focus-visible, textarea:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--primary); outline-offset: 2px; }
[aria-invalid="true"] { border-color: #cf222e; }
.error { color: #a40e26; margin: .25rem 0 0; }
.alert { margin: 0 0 1rem; border: 1px solid #cf222e; background: #ffebe9; color: #82071e; padding: .75rem 1rem; border-radius: 6px; }
.success { border: 1px solid #1a7f37; background: #dafbe1; color: #0a3d1c; padding: .75rem 1rem; border-radius: 6px; }
button, .button { display: inline-block; font: inherit; font-weight: 600; padding: .625rem 1.25rem; border: 0; border-radius: 6px; background: var(--primary); color: var(--on-primary); cursor: pointer; text-decoration: none; }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.lang { float: right; font-size: .875rem; }
.req { color: #57606a; font-weight: normal; font-size: .875rem; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The hosted contact form: a plain HTML form that works without JavaScript (multipart POST to the same address). */
export function renderFormPage(page: FormPage): string {
  const t: PageTexts = PAGE_TEXTS[page.lang];
  const texts = page.widget.texts[page.lang];
  const title = texts.title || t.title;
  const values = page.values ?? { name: '', email: '', subject: '', message: '' };
  const other: WidgetLanguage = page.lang === 'de' ? 'en' : 'de';
  const action = `/contact/${page.key}?lang=${page.lang}`;
  const fieldError = (field: string) => (page.error?.field === field ? `<p class="error" id="${field}-error">${escape(page.error.text)}</p>` : '');
  const invalid = (field: string) => (page.error?.field === field ? ` aria-invalid="true" aria-describedby="${field}-error"` : '');
  const required = `<span class="req">(${escape(t.required)})</span>`;
  const alert = page.error ? `<div class="alert" role="alert" id="form-error"><strong>${escape(t.errorSummary)}</strong> ${escape(page.error.text)}</div>` : '';
  const body = `<a class="lang" href="/contact/${page.key}?lang=${other}" hreflang="${other}" lang="${other}">${escape(t.language)}</a>
<h1>${escape(title)}</h1>
<p>${escape(texts.intro || t.intro)}</p>
${alert}
<form method="post" action="${escape(action)}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="token" value="${escape(page.token)}">
<div class="hp" aria-hidden="true"><label for="website">${escape(t.honeypot)}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<div class="field"><label for="name">${escape(t.name)} ${required}</label><input id="name" name="name" autocomplete="name" required maxlength="100" value="${escape(values.name)}"${invalid('name')}>${fieldError('name')}</div>
<div class="field"><label for="email">${escape(t.email)} ${required}</label><input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${escape(values.email)}"${invalid('email')}>${fieldError('email')}</div>
<div class="field"><label for="subject">${escape(t.subject)} ${required}</label><input id="subject" name="subject" required maxlength="200" value="${escape(values.subject)}"${invalid('subject')}>${fieldError('subject')}</div>
<div class="field"><label for="message">${escape(t.message)} ${required}</label><textarea id="message" name="message" required maxlength="10000"${invalid('message')}>${escape(values.message)}</textarea>${fieldError('message')}</div>
<div class="field"><label for="attachment">${escape(t.attachment.replace('{size}', formatMiB(page.maxAttachmentBytes)))}</label><input id="attachment" name="attachment" type="file"${invalid('attachment')}>${fieldError('attachment')}</div>
<button type="submit">${escape(t.send)}</button>
</form>`;
  return shell(page.lang, page.widget, title, body);
}

/** After a request was sent (the form redirects here, so a reload does not send it twice). */
export function renderThanksPage(key: string, widget: IWidget, lang: WidgetLanguage): string {
  const t = PAGE_TEXTS[lang];
  const texts = widget.texts[lang];
  const title = texts.title || t.title;
  const body = `<h1>${escape(title)}</h1>
<p class="success" role="status">${escape(texts.thanks || t.thanks)}</p>
<p><a class="button" href="/contact/${key}?lang=${lang}">${escape(t.another)}</a></p>`;
  return shell(lang, widget, title, body);
}

/** A page for a form that cannot be shown (unknown or switched-off widget). */
export function renderUnavailablePage(lang: WidgetLanguage, text: string): string {
  const t = PAGE_TEXTS[lang];
  return shell(lang, null, t.title, `<h1>${escape(t.title)}</h1>\n<p class="alert" role="alert">${escape(text)}</p>`);
}
