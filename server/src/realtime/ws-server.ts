import type { Server } from 'node:http';
import { GraphQLError, parse, specifiedRules, subscribe, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Context } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { QUERY_LIMITS } from '../graphql/schema.js';
import { bearerToken, portalTokenFrom, sessionTokenFrom } from '../http/cookies.js';
import type { Logger } from '../infra/logger.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { DirectEvents } from './direct-events.js';

export interface WebSocketEndpoint {
  /** Closes every client (1001 going away) and the server. */
  close(): Promise<void>;
}

interface Options {
  httpServer: Server;
  /** As built: before Apollo wraps its resolvers (DirectEvents checks them). */
  schema: GraphQLSchema;
  publicUrl: string;
  validationRules: ValidationRule[];
  production: boolean;
  logger: Logger;
  resolveViewer(bearer: string | undefined, cookie: string | undefined, endpoint: Endpoint): Promise<Viewer>;
  contextFor(viewer: Viewer, ip: string, session: null, endpoint: Endpoint): Context;
}

/**
 * An upgrade that carries our session cookie must come from our own origin (or the host it asked
 * for), or any web site could open a socket with the user's cookie (cross-site WebSocket hijacking).
 * Token-only upgrades (partner tools) need no Origin.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string): boolean {
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return parsed.origin === new URL(publicUrl).origin || (host !== undefined && parsed.host === host);
}

type Endpoint = Context['endpoint'];

/** The WebSocket paths: the console's and partners' API, and the portal's (with the portal cookie). */
const PATHS: Record<string, Endpoint> = { '/graphql': 'staff', '/portal/graphql': 'portal' };

function endpointOf(url: string | undefined): Endpoint | undefined {
  try {
    return PATHS[new URL(url ?? '/', 'http://localhost').pathname];
  } catch {
    return undefined;
  }
}

/**
 * graphql-ws on the HTTP server's /graphql and /portal/graphql paths. Apollo's plugins do not run here, so the same
 * validation rules (depth, aliases, cost, and no introspection in production) are applied in
 * onSubscribe before anything executes, and errors go through the same formatter.
 */
export function attachWebSocketServer(options: Options): WebSocketEndpoint {
  const { schema, logger, production } = options;
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  options.httpServer.on('upgrade', (request, socket, head) => {
    if (!endpointOf(request.url)) return socket.destroy();
    wsServer.handleUpgrade(request, socket, head, (client) => wsServer.emit('connection', client, request));
  });
  const endpoints = new WeakMap<object, Endpoint>();
  const rules = [...specifiedRules, ...options.validationRules];
  const viewers = new WeakMap<object, Viewer>();
  const directEvents = new DirectEvents(schema);

  const cleanup = useServer(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      subscribe: (args) => directEvents.subscribe(args) ?? subscribe(args),
      onConnect: async (ctx) => {
        const request = ctx.extra.request;
        const payload = ctx.connectionParams ?? {};
        const endpoint = endpointOf(request.url) ?? 'staff';
        // Partner tokens belong to the API; the portal knows only its own cookie.
        const bearer = endpoint === 'staff' ? bearerToken(payload.authorization ?? payload.Authorization) : undefined;
        const cookie = endpoint === 'portal' ? portalTokenFrom(request) : sessionTokenFrom(request);
        if (!bearer && cookie && !originAllowed(request.headers.origin, request.headers.host, options.publicUrl)) {
          logger.warn({ origin: request.headers.origin }, 'WebSocket with a session cookie from a foreign origin refused');
          return false;
        }
        try {
          endpoints.set(ctx, endpoint);
          viewers.set(ctx, await options.resolveViewer(bearer, bearer ? undefined : cookie, endpoint));
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Syntax error.')];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) {
          return errors.map(
            (error) =>
              new GraphQLError(production ? formatError(error.toJSON(), error, logger, true).message : error.message, {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
          );
        }
        const viewer = viewers.get(ctx);
        if (!viewer) return [new GraphQLError('Not connected.', { extensions: { code: 'UNAUTHENTICATED' } })];
        const ip = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: options.contextFor(viewer, ip, null, endpoints.get(ctx) ?? 'staff'),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, logger, production)) };
      },
    },
    wsServer,
  );

  return {
    close: async () => {
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await cleanup.dispose();
    },
  };
}
