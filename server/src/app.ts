import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from './config.js';
import type { Context } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { createLoaders } from './graphql/loaders.js';
import { buildTresenSchema, QUERY_LIMITS, validationRules } from './graphql/schema.js';
import { createMailImporter, createServices, type MailDeps, type ServiceDeps } from './graphql/services.js';
import { failedMailRoutes } from './http/failed-mails.js';
import { quoteRoutes } from './http/quotes.js';
import { DEFAULT_MAIL_WORKER, MailWorker, type MailWorkerOptions } from './modules/mail/imap/mail-worker.js';
import { DEFAULT_MAIL_LIMITS } from './modules/mail/parsing/parse-mail.js';
import { MailReader } from './modules/mail/parsing/mail-reader.js';
import { MessageIdSigner } from './modules/mail/threading/message-ids.js';
import { SecretBox } from './shared/secret-box.js';
import { MailSender } from './modules/mail/smtp/mail-sender.js';
import { DEFAULT_OUTBOX, Outbox, type OutboxOptions } from './modules/mail/smtp/outbox.js';
import { attachmentRoutes } from './http/attachments.js';
import { portalAttachmentRoutes } from './http/portal-attachments.js';
import { bearerToken, portalCookie, portalTokenFrom, sessionCookie, sessionTokenFrom } from './http/cookies.js';
import { securityHeaders } from './http/security-headers.js';
import { widgetRoutes } from './http/widget.js';
import { FormTokens } from './modules/widget/widget-form-token.js';
import { WidgetLimiter } from './modules/widget/widget-limiter.js';
import { WidgetRequestService } from './modules/widget/widget-request.service.js';
import type { Logger } from './infra/logger.js';
import type { MikroORM } from './infra/orm.js';
import { LoginLimiter } from './modules/auth/login-limiter.js';
import { PortalLimiter } from './modules/portal/portal-limiter.js';
import { PortalMailer } from './modules/portal/portal-mailer.js';
import { TicketLinkSigner } from './modules/portal/ticket-links.js';
import type { Viewer } from './modules/auth/viewer.js';
import { MemoryPresenceStore, RedisPresenceStore } from './modules/tickets/presence.store.js';
import { RealtimeAccess } from './realtime/access.js';
import { TicketRealtime } from './realtime/ticket-access.js';
import { TimerTicker } from './realtime/timer-ticker.js';
import type { RealtimeBus } from './realtime/pubsub.js';
import { attachWebSocketServer, type WebSocketEndpoint } from './realtime/ws-server.js';

const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');
/** The widget's loader and form, built apart from the console (client/vite.widget.config.ts). */
const WIDGET_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist-widget');

export interface AppDeps {
  readonly config: Config;
  readonly orm: MikroORM;
  readonly bus: RealtimeBus;
  readonly logger: Logger;
  /** Mail worker timing and scope; defaults from DEFAULT_MAIL_WORKER and config. Tests shorten them. */
  readonly mailWorker?: Partial<MailWorkerOptions>;
  /** Outbox retry timing; defaults from DEFAULT_OUTBOX. Tests shorten them. */
  readonly outbox?: Partial<OutboxOptions>;
}

export interface App {
  readonly httpServer: Server;
  readonly schema: GraphQLSchema;
  /** The IMAP watcher supervisor of this process, or null when TRESEN_MAIL_WORKER=false. */
  readonly mailWorker: MailWorker | null;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stops taking requests, lets running ones finish, closes WebSocket clients. */
  close(): Promise<void>;
}

/** Wires HTTP (Apollo on express) and WebSocket (graphql-ws) onto one server and one schema. */
export async function createApp({ config, orm, bus, logger, mailWorker: workerOptions, outbox: outboxOptions }: AppDeps): Promise<App> {
  const production = config.env === 'production';
  const schema = await buildTresenSchema(bus.pubSub);
  const presence = bus.redis ? new RedisPresenceStore(bus.redis) : new MemoryPresenceStore();
  // Every process queues replies; processes with the mail worker on also send them.
  const outbox = new Outbox(
    orm.config.get('clientUrl')!,
    { ...DEFAULT_OUTBOX, expireSeconds: config.sendTimeoutSeconds, retryDelaySeconds: config.sendRetrySeconds, schema: config.jobSchema, ...outboxOptions },
    logger,
  );
  await outbox.start();
  const limits = { ...DEFAULT_MAIL_LIMITS, maxRawBytes: config.mailMaxBytes, maxAttachmentBytes: config.attachmentMaxBytes };
  // Only processes that import mail parse it; they do so on worker threads.
  const reader = new MailReader(limits, config.mailWorker ? config.mailParseThreads : 0);
  const mail: MailDeps = { box: new SecretBox(config.secret), signer: new MessageIdSigner(config.secret), limits, logger, outbox, reader };
  const portal = {
    links: new TicketLinkSigner(config.secret),
    mailer: new PortalMailer(() => orm.em.fork(), mail.box, logger),
    limiter: new PortalLimiter(bus.redis),
  };
  const deps: ServiceDeps = { config, pubSub: bus.pubSub, limiter: new LoginLimiter(bus.redis), presence, mail, portal };
  const realtime = new RealtimeAccess(bus.pubSub);
  const ticketRealtime = new TicketRealtime(bus.pubSub);
  const timerTicker = new TimerTicker(bus.pubSub);
  const secureCookie = new URL(config.publicUrl).protocol === 'https:';

  /** Builds the per-operation context for a viewer; shared by HTTP and WebSocket. */
  const contextFor = (viewer: Viewer, ip: string, session: Context['session'], endpoint: Context['endpoint']): Context => {
    const services = createServices(orm.em.fork(), deps);
    return {
      viewer,
      services,
      freshServices: () => createServices(orm.em.fork(), deps),
      loaders: createLoaders(viewer, services),
      realtime,
      ticketRealtime,
      timerTicker,
      ip,
      session,
      endpoint,
    };
  };

  /** A bearer token wins over a cookie; a bad bearer token is an error, a stale cookie is just signed out. */
  const resolveViewer = async (bearer: string | undefined, cookie: string | undefined, endpoint: Context['endpoint']): Promise<Viewer> => {
    const services = createServices(orm.em.fork(), deps);
    if (endpoint === 'portal') return services.portalAuth.viewerFromSession(cookie);
    return bearer ? services.auth.viewerFromApiToken(bearer) : services.auth.viewerFromSession(cookie);
  };

  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer: believe its X-Forwarded-For, so rate limits count each caller (req.ip).
  if (config.trustProxy.length > 0) app.set('trust proxy', [...config.trustProxy]);
  app.use(securityHeaders);
  const httpServer = createServer(app);

  const ws: WebSocketEndpoint = attachWebSocketServer({
    httpServer,
    schema,
    publicUrl: config.publicUrl,
    validationRules: validationRules(production),
    production,
    logger,
    resolveViewer,
    contextFor,
  });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    validationRules: validationRules(production),
    csrfPrevention: true,
    // main.ts drains on SIGTERM itself; Apollo's own handler would re-raise the signal (exit 143).
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    formatError: (formatted, error) => formatError(formatted, error, logger, production),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), { serverWillStart: async () => ({ drainServer: () => ws.close() }) }],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, 'ok' | 'down'> = {};
    checks.database = await orm.em
      .getConnection()
      .execute('select 1')
      .then(
        () => 'ok' as const,
        () => 'down' as const,
      );
    if (bus.redis)
      checks.redis = await bus.redis.ping().then(
        () => 'ok' as const,
        () => 'down' as const,
      );
    const ready = Object.values(checks).every((state) => state === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks });
  });

  app.use(
    '/failed-mails',
    failedMailRoutes(() => createServices(orm.em.fork(), deps)),
  );
  app.use(
    '/quotes',
    quoteRoutes(() => createServices(orm.em.fork(), deps)),
  );
  app.use('/attachments', attachmentRoutes({ maxBytes: config.attachmentMaxBytes, services: () => createServices(orm.em.fork(), deps) }));
  app.use('/portal/attachments', portalAttachmentRoutes({ maxBytes: config.attachmentMaxBytes, services: () => createServices(orm.em.fork(), deps) }));
  const widgetTokens = new FormTokens(config.secret);
  const widgetLimiter = new WidgetLimiter(bus.redis);
  app.use(
    widgetRoutes({
      distDir: WIDGET_DIST,
      publicOrigin: new URL(config.publicUrl).origin,
      services: () => {
        const services = createServices(orm.em.fork(), deps);
        return { requests: new WidgetRequestService(services.em, widgetTokens, widgetLimiter, config.attachmentMaxBytes), tickets: services.customerTickets };
      },
    }),
  );

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const header = req.headers.authorization;
        const bearer = bearerToken(header);
        if (header !== undefined && bearer === undefined) {
          throw new GraphQLError('The Authorization header must be "Bearer <token>".', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        let viewer: Viewer;
        try {
          viewer = await resolveViewer(bearer, sessionTokenFrom(req), 'staff');
        } catch (error) {
          throw new GraphQLError(error instanceof Error ? error.message : 'Not authenticated.', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
        return contextFor(viewer, req.ip ?? 'unknown', sessionCookie(res, secureCookie), 'staff');
      },
    }),
  );

  // The portal's API: the same schema, but only the portal cookie counts here (no staff cookie, no tokens).
  app.use(
    '/portal/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        contextFor(await resolveViewer(undefined, portalTokenFrom(req), 'portal'), req.ip ?? 'unknown', portalCookie(res, secureCookie), 'portal'),
    }),
  );

  if (config.serveClient && existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    // History-mode routing: every other GET that wants HTML gets the app shell.
    app.use((req, res, next) => {
      if (req.method !== 'GET' || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      // The customer portal is an app of its own under /portal; everything else is the console.
      const portalPage = req.path === '/portal' || req.path.startsWith('/portal/');
      if (portalPage) res.setHeader('Referrer-Policy', 'no-referrer');
      res.sendFile(path.join(CLIENT_DIST, portalPage ? 'portal.html' : 'index.html'));
    });
  }

  const worker = config.mailWorker
    ? new MailWorker(
        orm.em.fork(),
        bus.pubSub,
        mail.box,
        createMailImporter(orm.em.fork(), bus.pubSub, mail),
        {
          ...DEFAULT_MAIL_WORKER,
          pollSeconds: config.imapPollSeconds,
          leaseSeconds: config.mailLeaseSeconds,
          ...(config.mailTenants ? { acceptTenant: (tenantId: string) => config.mailTenants!.includes(tenantId) } : {}),
          ...workerOptions,
        },
        logger,
      )
    : null;
  const portalLink = (tenantId: string, ticketId: string, version: number) => portal.links.url(config.publicUrl, tenantId, ticketId, version);
  const sender = config.mailWorker ? new MailSender(orm.em.fork(), bus.pubSub, mail.box, logger, portalLink) : null;

  return {
    httpServer,
    schema,
    mailWorker: worker,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          worker?.start();
          if (sender)
            void outbox
              .work(sender)
              .catch((error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'outbox worker did not start'));
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: async () => {
      await worker?.stop();
      await outbox.stop();
      await reader.close();
      sender?.close();
      await portal.mailer.drain();
      timerTicker.close();
      await apollo.stop();
    },
  };
}
