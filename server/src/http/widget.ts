import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { isDomainError, type DomainError } from '../graphql/errors.js';
import type { WidgetLanguage } from '../modules/widget/widget.entity.js';
import { pageErrorText, renderFormPage, renderThanksPage, renderUnavailablePage } from '../modules/widget/widget-page.js';
import { PAGE_TEXTS } from '../modules/widget/widget-page.texts.js';
import {
  WIDGET_REQUEST_LIMITS,
  formatMiB,
  tooLarge,
  type CustomerTicketOpener,
  type WidgetRequestService,
  type WidgetSubmission,
} from '../modules/widget/widget-request.service.js';

interface Options {
  /** The built loader and form (client/dist-widget). */
  distDir: string;
  /** Our own origin (PUBLIC_URL's), besides the one the request was sent to. */
  publicOrigin: string;
  /** A request service and the customer ticket service on a fresh unit of work. */
  services(): { requests: WidgetRequestService; tickets: CustomerTicketOpener };
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, RATE_LIMITED: 429, CONFLICT: 409 };
/** The HTTP status of a domain error: 413 for sizes, else by code. */
const statusOf = (error: DomainError) => (error as { httpStatus?: number }).httpStatus ?? STATUS[error.code] ?? 400;

/** The files the widget consists of: the small loader and the form it loads on demand. */
const SCRIPTS = { '/widget.js': 'widget.js', '/widget-form.js': 'widget-form.js' } as const;

/**
 * The widget's HTTP side:
 * - `GET /widget.js`, `GET /widget-form.js`: the loader and the form, for any site (CORS `*`).
 * - `GET /widget/<key>/config`: colours, texts, limits and a fresh form token, for allowed origins.
 * - `POST /widget/<key>/requests`: a request as multipart/form-data (name, email, subject, message,
 *   attachment, website = honeypot, token); `202 { status: 'received' }` or `{ error: { code, message, field? } }`.
 * - `GET /contact/<key>` and `POST /contact/<key>`: the hosted form page, plain HTML without scripts.
 */
export function widgetRoutes(options: Options): Router {
  const router = express.Router();
  const maxBody = (requests: WidgetRequestService) => requests.maxAttachmentBytes + WIDGET_REQUEST_LIMITS.overheadBytes;
  // The body limit must be known before any service exists; the service's own check is the exact one.
  const bodyLimit = WIDGET_REQUEST_LIMITS.attachmentBytes + WIDGET_REQUEST_LIMITS.overheadBytes;

  for (const [route, file] of Object.entries(SCRIPTS)) {
    router.get(route, (_req, res, next) => {
      const full = path.join(options.distDir, file);
      if (!existsSync(full)) return next();
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      // Not content-hashed (the snippet names it): short enough that a new version arrives soon.
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.sendFile(full, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    });
  }

  const sourceOf = (req: Request) => {
    const origin = typeof req.headers.origin === 'string' && req.headers.origin !== 'null' ? req.headers.origin : undefined;
    const own = [options.publicOrigin, `${req.protocol}://${req.headers.host ?? ''}`];
    // req.ip: the connection's address, or the caller's from X-Forwarded-For behind a trusted proxy (TRESEN_TRUST_PROXY).
    return { ip: req.ip ?? 'unknown', origin, sameOrigin: origin !== undefined && own.includes(origin) };
  };

  /** Answers CORS for an origin the widget allows; others get no CORS headers and cannot read answers. */
  const cors = (req: Request, res: Response, allowed: boolean) => {
    res.setHeader('Vary', 'Origin');
    const origin = sourceOf(req).origin;
    if (allowed && origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    }
  };

  const fail = (res: Response, status: number, code: string, message: string, field?: string) =>
    res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });

  const failWith = (res: Response, error: unknown, next: NextFunction) => {
    if (!isDomainError(error)) return next(error);
    const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retry) res.setHeader('Retry-After', String(retry));
    fail(res, statusOf(error), error.code, error.message, error.field);
  };

  router.options('/widget/:key/{*rest}', async (req, res, next) => {
    try {
      const { requests } = options.services();
      const { widget } = await requests.open(req.params.key);
      const allowed = requests.mayUse(widget, sourceOf(req));
      cors(req, res, allowed);
      if (!allowed) return res.status(403).end();
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
    } catch (error) {
      res.setHeader('Vary', 'Origin');
      if (isDomainError(error)) return res.status(404).end();
      next(error);
    }
  });

  router.get('/widget/:key/config', async (req, res, next) => {
    try {
      const { requests } = options.services();
      const { widget } = await requests.open(req.params.key);
      const allowed = requests.mayUse(widget, sourceOf(req));
      // The refusal is readable, so the loader can tell the site owner why nothing shows.
      res.setHeader('Vary', 'Origin');
      if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      res.setHeader('Cache-Control', 'no-store');
      if (!allowed) return fail(res, 403, 'FORBIDDEN', 'This widget may not be used on this site.');
      res.json({
        primaryColor: widget.primaryColor,
        primaryTextColor: widget.primaryTextColor,
        texts: widget.texts,
        token: requests.issueToken(req.params.key),
        limits: { attachmentBytes: requests.maxAttachmentBytes, messageChars: WIDGET_REQUEST_LIMITS.messageChars },
      });
    } catch (error) {
      if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      failWith(res, error, next);
    }
  });

  /** express.raw refuses an oversized body before reading it; the answer closes the connection. */
  const isTooLarge = (error: unknown, res: Response) => {
    if ((error as { type?: string } | null)?.type !== 'entity.too.large') return false;
    res.setHeader('Connection', 'close');
    return true;
  };
  const tooLargeText = `The request is too large; attachments may have up to ${formatMiB(WIDGET_REQUEST_LIMITS.attachmentBytes)}.`;

  router.post(
    '/widget/:key/requests',
    express.raw({ type: () => true, limit: bodyLimit }),
    async (req: Request<{ key: string }>, res: Response, next: NextFunction) => {
      try {
        const { requests, tickets } = options.services();
        let allowed = true;
        try {
          allowed = requests.mayUse((await requests.open(req.params.key)).widget, sourceOf(req));
        } finally {
          cors(req, res, allowed);
        }
        if (req.body.length > maxBody(requests)) throw tooLarge(tooLargeText);
        const submission = await readSubmission(req);
        if (!submission) return fail(res, 400, 'BAD_USER_INPUT', 'Send the form as multipart/form-data.');
        await requests.submit(req.params.key, sourceOf(req), submission, tickets);
        res.status(202).json({ status: 'received' });
      } catch (error) {
        failWith(res, error, next);
      }
    },
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!isTooLarge(error, res)) return next(error);
      res.setHeader('Vary', 'Origin');
      if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      failWith(res, tooLarge(tooLargeText), next);
    },
  );

  const languageOf = (req: Request): WidgetLanguage => {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    if (asked === 'de' || asked === 'en') return asked;
    return req.acceptsLanguages('de', 'en') === 'de' ? 'de' : 'en';
  };
  const html = (res: Response, status: number, body: string) => {
    res.status(status).setHeader('Cache-Control', 'no-store');
    res.type('html').send(body);
  };

  router.get('/contact/:key', async (req, res, next) => {
    const lang = languageOf(req);
    try {
      const { requests } = options.services();
      const { widget } = await requests.open(req.params.key);
      html(
        res,
        200,
        renderFormPage({ key: req.params.key, widget, lang, token: requests.issueToken(req.params.key), maxAttachmentBytes: requests.maxAttachmentBytes }),
      );
    } catch (error) {
      if (isDomainError(error)) return html(res, 404, renderUnavailablePage(lang, PAGE_TEXTS[lang].notFound));
      next(error);
    }
  });

  router.get('/contact/:key/thanks', async (req, res, next) => {
    const lang = languageOf(req);
    try {
      const { requests } = options.services();
      const { widget } = await requests.open(req.params.key);
      html(res, 200, renderThanksPage(req.params.key, widget, lang));
    } catch (error) {
      if (isDomainError(error)) return html(res, 404, renderUnavailablePage(lang, PAGE_TEXTS[lang].notFound));
      next(error);
    }
  });

  router.post(
    '/contact/:key',
    express.raw({ type: () => true, limit: bodyLimit }),
    async (req: Request<{ key: string }>, res: Response, next: NextFunction) => {
      const lang = languageOf(req);
      const key = req.params.key;
      try {
        const { requests, tickets } = options.services();
        const opened = await requests.open(key).catch((error: unknown) => {
          if (isDomainError(error)) return null;
          throw error;
        });
        if (!opened) return html(res, 404, renderUnavailablePage(lang, PAGE_TEXTS[lang].notFound));
        const submission = req.body.length > maxBody(requests) ? null : await readSubmission(req);
        try {
          if (req.body.length > maxBody(requests)) throw tooLarge(tooLargeText);
          await requests.submit(key, sourceOf(req), submission ?? emptySubmission(), tickets);
          res.redirect(303, `/contact/${key}/thanks?lang=${lang}`);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          const form = {
            key,
            widget: opened.widget,
            lang,
            token: requests.issueToken(key),
            maxAttachmentBytes: requests.maxAttachmentBytes,
            error: pageErrorText(lang, error.code, error.field, requests.maxAttachmentBytes),
          };
          html(res, statusOf(error), renderFormPage(submission ? { ...form, values: submission } : form));
        }
      } catch (error) {
        next(error);
      }
    },
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!isTooLarge(error, res)) return next(error);
      const lang = languageOf(req);
      html(res, 413, renderUnavailablePage(lang, PAGE_TEXTS[lang].fieldAttachment.replace('{size}', formatMiB(WIDGET_REQUEST_LIMITS.attachmentBytes))));
    },
  );

  return router;
}

const emptySubmission = (): WidgetSubmission => ({ name: '', email: '', subject: '', message: '', website: '', token: '', files: [] });

/** Reads a multipart (or URL-encoded) form with the platform's own parser; null when the body is neither. */
async function readSubmission(req: Request): Promise<WidgetSubmission | null> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) return null;
  let form: FormData;
  try {
    form = await new Response(req.body as Buffer, { headers: { 'content-type': type } }).formData();
  } catch {
    return null;
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const files = [];
  for (const value of form.getAll('attachment')) {
    if (typeof value === 'string') continue;
    files.push({ name: value.name, contentType: value.type || undefined, data: Buffer.from(await value.arrayBuffer()) });
  }
  return {
    name: text('name'),
    email: text('email'),
    subject: text('subject'),
    message: text('message'),
    website: text('website'),
    token: text('token'),
    files,
  };
}
