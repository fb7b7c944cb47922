import express, { type Request, type Response, type Router } from 'express';
import { isDomainError } from '../graphql/errors.js';
import type { Services } from '../graphql/services.js';
import type { ContactViewer } from '../modules/auth/viewer.js';
import { failJson, sendStoredFile, tooLargeUpload, UPLOAD_HEADER, uploadBody, uploadName } from './attachments.js';
import { portalTokenFrom } from './cookies.js';

interface Options {
  maxBytes: number;
  services(): Services;
}

/**
 * The portal's files, with the portal cookie (path /portal):
 * - `POST /portal/attachments`: the raw file as the body, name URI-encoded in `X-Filename`, and
 *   `X-Tresen-Upload: 1` (a header no other site can send without a CORS preflight); answers its id
 *   for portalTicketCreate / portalTicketReply.
 * - `GET /portal/attachments/:id`: a file of a public message on a ticket the contact may see (or
 *   their own pending upload), always as a download with a CSP that forbids everything; anything
 *   else, an internal note's file included, is 404 like an unknown id.
 */
export function portalAttachmentRoutes(options: Options): Router {
  const router = express.Router();
  const fail = failJson;
  const contactOf = async (req: Request, services: Services): Promise<ContactViewer | null> => {
    const viewer = await services.portalAuth.viewerFromSession(portalTokenFrom(req));
    return viewer.type === 'contact' ? viewer : null;
  };

  router.post(
    '/',
    express.raw({ type: () => true, limit: options.maxBytes }),
    async (req: Request, res: Response, next: (error: unknown) => void) => {
      try {
        const services = options.services();
        const viewer = await contactOf(req, services);
        if (!viewer) return fail(res, 401, 'UNAUTHENTICATED', 'Please sign in.');
        if (req.headers[UPLOAD_HEADER] !== '1') return fail(res, 400, 'BAD_REQUEST', `Send the header ${UPLOAD_HEADER}: 1 with uploads.`);
        const name = uploadName(req);
        if (name === null) return fail(res, 400, 'BAD_USER_INPUT', 'X-Filename must be URI-encoded.');
        res.status(201).json(await services.attachments.uploadAsContact(viewer, name, req.headers['content-type'], uploadBody(req)));
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
      const viewer = await contactOf(req, services);
      if (!viewer) return fail(res, 401, 'UNAUTHENTICATED', 'Please sign in.');
      const file = await services.portalTickets.download(viewer, req.params.id);
      if (!file) return fail(res, 404, 'NOT_FOUND', 'Attachment not found.');
      sendStoredFile(res, file);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
