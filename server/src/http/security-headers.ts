import type { RequestHandler } from 'express';

/**
 * Headers for every response: no MIME sniffing, no framing, no referrer leaks, and a CSP that only
 * allows our own scripts and connections (the console talks to /graphql over HTTP and WebSocket).
 * Images may come from https: too: a mail's remote images, which the console loads only when the
 * agent asks (sanitized mail HTML carries them in data-remote-src, never in src).
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  next();
};
