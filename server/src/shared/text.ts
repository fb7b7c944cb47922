import { fieldError } from '../graphql/errors.js';

/** A trimmed, non-empty text of at most `max` characters, or a field error saying which rule it broke. */
export function requireText(raw: string, field: string, max: number): string {
  const text = raw.trim();
  if (text.length === 0) throw fieldError(field, 'The name must not be empty.');
  if (text.length > max) throw fieldError(field, `The name must be at most ${max} characters long.`);
  return text;
}
