import { fieldError } from '../../graphql/errors.js';

export const SUBJECT_MAX = 250;
export const TEXT_MAX = 100_000;
export const NOTE_MAX = 10_000;
export const ESTIMATE_MAX_MINUTES = 100_000;

export function validateSubject(raw: string): string {
  const subject = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (subject.length === 0) throw fieldError('subject', 'The subject must not be empty.');
  if (subject.length > SUBJECT_MAX) throw fieldError('subject', `The subject must be at most ${SUBJECT_MAX} characters long.`);
  return subject;
}

/** Message and note text: NUL removed (PostgreSQL cannot store it), otherwise kept as written. */
export function validateText(raw: string, field = 'text'): string {
  const text = raw.replaceAll('\u0000', '').trim();
  if (text.length === 0) throw fieldError(field, 'The text must not be empty.');
  if (text.length > TEXT_MAX) throw fieldError(field, `The text must be at most ${TEXT_MAX} characters long.`);
  return text;
}

export function validateNote(raw: string | null, field: string): string | null {
  if (raw === null) return null;
  const text = raw.replaceAll('\u0000', '').trim();
  if (text.length > NOTE_MAX) throw fieldError(field, `At most ${NOTE_MAX} characters.`);
  return text.length === 0 ? null : text;
}

/** A calendar date as YYYY-MM-DD that really exists (no 2026-02-31). */
export function validateDate(raw: string | null, field: string): string | null {
  if (raw === null || raw.trim() === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== raw.trim()) throw fieldError(field, 'Use a date like 2026-12-24.');
  return raw.trim();
}

export function validateEstimate(minutes: number | null): number | null {
  if (minutes === null) return null;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > ESTIMATE_MAX_MINUTES) {
    throw fieldError('estimatedMinutes', `The estimated effort must be a whole number of minutes from 0 to ${ESTIMATE_MAX_MINUTES}.`);
  }
  return minutes;
}

/** Shows a value in the history the way people read it. */
export function historyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
