import { fieldError } from '../../graphql/errors.js';

export const DEPARTMENT_NAME_MAX = 100;

/** Trims a department name and rejects empty, over-long or control-character names. */
export function validateDepartmentName(raw: string, field = 'name'): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw fieldError(field, 'The name must not be empty.');
  if (name.length > DEPARTMENT_NAME_MAX) throw fieldError(field, `The name must be at most ${DEPARTMENT_NAME_MAX} characters long.`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw fieldError(field, 'The name must not contain control characters.');
  return name;
}
