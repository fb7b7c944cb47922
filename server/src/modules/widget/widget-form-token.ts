import { createHmac, timingSafeEqual } from 'node:crypto';

/** A form may be sent no sooner than this after it was loaded (people need longer; bots usually do not wait). */
export const MIN_FILL_MS = 3000;
/** A form token stays valid this long, so a page left open over lunch can still send. */
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;

export type FormTokenCheck = 'ok' | 'invalid' | 'too-fast' | 'expired';

/**
 * The signed timestamp a widget or hosted form gets when it is loaded: `<issued ms>.<hmac>`, bound to
 * the widget. It proves when the form was handed out without storing anything.
 */
export class FormTokens {
  constructor(private readonly secret: string) {}

  issue(widgetKey: string, now = Date.now()): string {
    return `${now}.${this.mac(widgetKey, now)}`;
  }

  check(widgetKey: string, token: string, now = Date.now()): FormTokenCheck {
    const match = /^(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return 'invalid';
    const issued = Number(match[1]);
    const expected = Buffer.from(this.mac(widgetKey, issued));
    const given = Buffer.from(match[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    if (issued > now + 60_000) return 'invalid';
    if (now - issued < MIN_FILL_MS) return 'too-fast';
    if (now - issued > MAX_FORM_AGE_MS) return 'expired';
    return 'ok';
  }

  private mac(widgetKey: string, issued: number): string {
    return createHmac('sha256', this.secret).update(`tresen-widget-form:${widgetKey}:${issued}`).digest('base64url');
  }
}
