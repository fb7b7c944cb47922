import express, { type Router } from 'express';
import type { Services } from '../graphql/services.js';
import { sessionTokenFrom } from './cookies.js';

/** `GET /quotes/:id.csv`: a quote as CSV for admins; always a download, cells safe for spreadsheets. */
export function quoteRoutes(services: () => Services): Router {
  const router = express.Router();
  router.get('/:file', async (req, res, next) => {
    // Other paths under /quotes are the console's pages.
    const match = /^(.+)\.csv$/.exec(req.params.file);
    if (!match) return next();
    try {
      const scoped = services();
      const viewer = await scoped.auth.viewerFromSession(sessionTokenFrom(req)).catch(() => null);
      if (!viewer || viewer.type !== 'user' || viewer.kind !== 'admin')
        return res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Admins only.' } });
      const csv = await scoped.billing.csv(viewer, match[1]!);
      if (!csv) return res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Quote not found.' } });
      res.attachment(csv.filename);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      // A byte order mark, so spreadsheet programs read the umlauts as UTF-8.
      res.end(`\uFEFF${csv.body}`);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
