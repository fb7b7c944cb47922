import { fieldError } from '../graphql/errors.js';

/**
 * A trimmed, non-empty, single-line text of at most `max` characters, or a field error saying which
 * rule it broke. `what` names the value in the message ("The name ...").
 */
export function requireText(raw: string, field: string, max: number, what = 'name'): string {
  const text = raw.trim();
  if (text.length === 0) throw fieldError(field, `The ${what} must not be empty.`);
  if (text.length > max) throw fieldError(field, `The ${what} must be at most ${max} characters long.`);
  if (/[\u0000-\u001f\u007f]/.test(text)) throw fieldError(field, `The ${what} must not contain line breaks or other control characters.`);
  return text;
}
