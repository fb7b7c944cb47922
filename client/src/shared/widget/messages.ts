/**
 * Texts of the embeddable contact widget, German and English. The widget is a separate small
 * bundle for other people's pages, so it does not load the console's vue-i18n catalogue; the admin
 * preview uses these same texts. The hosted form page has them too (server/src/modules/widget/
 * widget-page.texts.ts): keep both alike.
 */
export const widgetMessages = {
  de: {
    title: 'Kontakt',
    intro: 'Schreiben Sie uns – wir antworten so schnell wie möglich per E-Mail.',
    thanks: 'Danke! Ihre Anfrage ist bei uns angekommen. Sie erhalten gleich eine Bestätigung per E-Mail.',
    name: 'Name',
    email: 'E-Mail-Adresse',
    subject: 'Betreff',
    message: 'Nachricht',
    attachment: 'Anhang (optional, eine Datei bis {size})',
    honeypot: 'Dieses Feld bitte leer lassen',
    required: 'Pflichtfeld',
    send: 'Senden',
    sending: 'Wird gesendet …',
    close: 'Schließen',
    closeDialog: 'Kontaktformular schließen',
    errorSummary: 'Die Anfrage wurde nicht gesendet. Bitte prüfen Sie die markierten Felder.',
    fieldName: 'Bitte geben Sie Ihren Namen an (höchstens 100 Zeichen).',
    fieldEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    fieldSubject: 'Bitte geben Sie einen Betreff an (höchstens 200 Zeichen).',
    fieldMessage: 'Bitte schreiben Sie eine Nachricht (höchstens 10.000 Zeichen).',
    fieldAttachment: 'Bitte hängen Sie höchstens eine Datei bis {size} an.',
    fieldToken: 'Das Formular wurde zu schnell gesendet. Bitte warten Sie einen Moment und senden Sie es erneut.',
    notFound: 'Dieses Kontaktformular ist nicht verfügbar.',
    forbidden: 'Dieses Formular darf auf dieser Seite nicht verwendet werden.',
    rateLimited: 'Zu viele Anfragen. Bitte versuchen Sie es später erneut.',
    failed: 'Das hat leider nicht geklappt. Bitte versuchen Sie es später erneut.',
    network: 'Keine Verbindung zum Server. Bitte versuchen Sie es erneut.',
  },
  en: {
    title: 'Contact us',
    intro: 'Write to us – we answer by e-mail as soon as we can.',
    thanks: 'Thank you! We have received your request. A confirmation is on its way to your e-mail address.',
    name: 'Name',
    email: 'E-mail address',
    subject: 'Subject',
    message: 'Message',
    attachment: 'Attachment (optional, one file up to {size})',
    honeypot: 'Please leave this field empty',
    required: 'required',
    send: 'Send',
    sending: 'Sending …',
    close: 'Close',
    closeDialog: 'Close the contact form',
    errorSummary: 'The request was not sent. Please check the marked fields.',
    fieldName: 'Please enter your name (at most 100 characters).',
    fieldEmail: 'Please enter a valid e-mail address.',
    fieldSubject: 'Please enter a subject (at most 200 characters).',
    fieldMessage: 'Please write a message (at most 10,000 characters).',
    fieldAttachment: 'Please attach at most one file of up to {size}.',
    fieldToken: 'The form was sent too quickly. Please wait a moment and send it again.',
    notFound: 'This contact form is not available.',
    forbidden: 'This form may not be used on this site.',
    rateLimited: 'Too many requests. Please try again later.',
    failed: 'Sorry, that did not work. Please try again later.',
    network: 'The server could not be reached. Please try again.',
  },
} as const;

export type WidgetLang = keyof typeof widgetMessages;
export type WidgetMessageKey = keyof (typeof widgetMessages)['en'];
export type WidgetMessages = Record<WidgetMessageKey, string>;

/** de for German (data-lang, the page's lang or the browser's), en for everything else. */
export function widgetLang(...candidates: (string | null | undefined)[]): WidgetLang {
  const first = candidates.find((value) => value && value.trim() !== '');
  return first?.toLowerCase().startsWith('de') ? 'de' : 'en';
}
