import { parseCookie, stringifySetCookie } from 'cookie';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionCookie } from '../graphql/context.js';

export const SESSION_COOKIE = 'tresen_session';
/** The customer portal's own session cookie, sent only to /portal (its pages, API and files). */
export const PORTAL_COOKIE = 'tresen_portal';
export const PORTAL_PATH = '/portal';

export function sessionTokenFrom(request: IncomingMessage): string | undefined {
  return cookieFrom(request, SESSION_COOKIE);
}

export function portalTokenFrom(request: IncomingMessage): string | undefined {
  return cookieFrom(request, PORTAL_COOKIE);
}

function cookieFrom(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[name];
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure when Tresen is served over https. */
export function sessionCookie(response: ServerResponse, secure: boolean): SessionCookie {
  return cookieSetter(response, SESSION_COOKIE, '/', secure);
}

/** The portal's cookie: like the staff one, but its own name and path, so neither stands in for the other. */
export function portalCookie(response: ServerResponse, secure: boolean): SessionCookie {
  return cookieSetter(response, PORTAL_COOKIE, PORTAL_PATH, secure);
}

function cookieSetter(response: ServerResponse, name: string, path: string, secure: boolean): SessionCookie {
  const base = { httpOnly: true, sameSite: 'lax', secure, path } as const;
  return {
    set: (token, expiresAt) => response.appendHeader('Set-Cookie', stringifySetCookie({ name, value: token, ...base, expires: expiresAt })),
    clear: () => response.appendHeader('Set-Cookie', stringifySetCookie({ name, value: '', ...base, expires: new Date(0) })),
  };
}

/** The bearer token of an `Authorization` header or a connection_init payload field, if any. */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}
