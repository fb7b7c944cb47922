import express, { type Router } from 'express';
import type { Services } from '../graphql/services.js';
import { sessionTokenFrom } from './cookies.js';

/**
 * `GET /failed-mails/:id.eml`: the raw copy of a mail that could not be imported, for admins who may
 * see its mailbox; always a download, never rendered in our origin.
 */
export function failedMailRoutes(services: () => Services): Router {
  const router = express.Router();
  router.get('/:file', async (req, res, next) => {
    try {
      const scoped = services();
      const viewer = await scoped.auth.viewerFromSession(sessionTokenFrom(req)).catch(() => null);
      if (!viewer || viewer.type !== 'user' || viewer.kind !== 'admin')
        return res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Admins only.' } });
      const id = req.params.file.replace(/\.eml$/, '');
      const mail = await scoped.mailboxes.failedMail(viewer, id);
      if (!mail) return res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Failed mail not found.' } });
      res.attachment(`failed-mail-${mail.id}.eml`);
      res.setHeader('Content-Type', 'message/rfc822');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(mail.raw);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
