import { parseCookie, stringifySetCookie } from 'cookie';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionCookie } from '../graphql/context.js';

export const SESSION_COOKIE = 'tresen_session';

export function sessionTokenFrom(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[SESSION_COOKIE];
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure when Tresen is served over https. */
export function sessionCookie(response: ServerResponse, secure: boolean): SessionCookie {
  const base = { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
  return {
    set: (token, expiresAt) => response.appendHeader('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: token, ...base, expires: expiresAt })),
    clear: () => response.appendHeader('Set-Cookie', stringifySetCookie({ name: SESSION_COOKIE, value: '', ...base, expires: new Date(0) })),
  };
}

/** The bearer token of an `Authorization` header or a connection_init payload field, if any. */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}
