import argon2 from 'argon2';
import { fieldError } from '../../graphql/errors.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** argon2id with the library's defaults (64 MiB, 3 passes): OWASP's recommended choice. */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when no user matched, so timing does not reveal which e-mails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('tresen-dummy-password-for-timing');
  return dummyHash;
}

export function validateNewPassword(password: string, field = 'password'): string {
  if (password.length < PASSWORD_MIN) throw fieldError(field, `The password must be at least ${PASSWORD_MIN} characters long.`);
  if (password.length > PASSWORD_MAX) throw fieldError(field, `The password must be at most ${PASSWORD_MAX} characters long.`);
  return password;
}
