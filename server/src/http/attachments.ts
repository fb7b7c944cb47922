import express, { type Request, type Response, type Router } from 'express';
import { isDomainError } from '../graphql/errors.js';
import type { Services } from '../graphql/services.js';
import type { StaffViewer } from '../modules/auth/viewer.js';
import { bearerToken, sessionTokenFrom } from './cookies.js';

/** Header a browser cannot send cross-site without a CORS preflight: uploads with a cookie need it. */
export const UPLOAD_HEADER = 'x-tresen-upload';

/** Answers a file route's failure as `{ error: { code, message } }`. */
export const failJson = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

/** The upload's file name from `X-Filename` (URI-encoded); null when it is not valid URI encoding. */
export function uploadName(req: Request): string | null {
  try {
    return decodeURIComponent(String(req.headers['x-filename'] ?? 'attachment'));
  } catch {
    return null;
  }
}

/** The upload's raw body (express.raw), empty when there is none. */
export const uploadBody = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

/** express.raw answers too large bodies with a 413 error; say it the same way as the rest. */
export function tooLargeUpload(maxBytes: number) {
  return (error: { type?: string }, _req: Request, res: Response, next: (error: unknown) => void) => {
    if (error?.type === 'entity.too.large') return failJson(res, 413, 'BAD_USER_INPUT', `The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB.`);
    next(error);
  };
}

/** Serves a stored file: always as a download, nosniff, and a CSP that forbids everything, so a hostile file can never run in our origin. */
export function sendStoredFile(res: Response, file: { filename: string; contentType: string; data: Buffer }): void {
  res.attachment(file.filename);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.data.length));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.data);
}

interface Options {
  maxBytes: number;
  services(): Services;
}

/**
 * File transfer next to GraphQL:
 * - `POST /attachments` takes the raw file as the body, its name URI-encoded in `X-Filename`, its
 *   type in `Content-Type`; answers `{ id, filename, contentType, size }` for use in ticketNoteAdd.
 * - `GET /attachments/:id` serves a file the viewer may see, always as a download, with nosniff and
 *   a CSP that forbids everything, so a hostile file can never run in our origin.
 */
export function attachmentRoutes(options: Options): Router {
  const router = express.Router();

  const viewerOf = async (req: Request, services: Services): Promise<StaffViewer | null> => {
    const bearer = bearerToken(req.headers.authorization);
    try {
      const viewer = bearer ? await services.auth.viewerFromApiToken(bearer) : await services.auth.viewerFromSession(sessionTokenFrom(req));
      if (viewer.type === 'anonymous' || viewer.type === 'contact' || (viewer.type === 'user' && viewer.kind === 'customer')) return null;
      return viewer;
    } catch {
      return null;
    }
  };
  const fail = failJson;

  router.post(
    '/',
    express.raw({ type: () => true, limit: options.maxBytes }),
    async (req: Request, res: Response, next: (error: unknown) => void) => {
      try {
        const services = options.services();
        const viewer = await viewerOf(req, services);
        if (!viewer) return fail(res, 401, 'UNAUTHENTICATED', 'Please sign in.');
        if (!req.headers.authorization && req.headers[UPLOAD_HEADER] !== '1')
          return fail(res, 400, 'BAD_REQUEST', `Send the header ${UPLOAD_HEADER}: 1 with uploads.`);
        if (viewer.type === 'token' && viewer.scope !== 'read_write') return fail(res, 403, 'FORBIDDEN', 'This token may only read.');
        const name = uploadName(req);
        if (name === null) return fail(res, 400, 'BAD_USER_INPUT', 'X-Filename must be URI-encoded.');
        const stored = await services.attachments.upload(viewer, name, req.headers['content-type'], uploadBody(req));
        res.status(201).json(stored);
      } catch (error) {
        if (isDomainError(error)) return fail(res, error.code === 'FORBIDDEN' ? 403 : 400, error.code, error.message);
        next(error);
      }
    },
    tooLargeUpload(options.maxBytes),
  );

  router.get('/:id', async (req, res, next) => {
    try {
      const services = options.services();
      const viewer = await viewerOf(req, services);
      if (!viewer) return fail(res, 401, 'UNAUTHENTICATED', 'Please sign in.');
      const file = await services.attachments.download(viewer, req.params.id);
      if (!file) return fail(res, 404, 'NOT_FOUND', 'Attachment not found.');
      sendStoredFile(res, file);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
