import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { readonly, ref } from 'vue';
import { toAppError } from './errors';

const connections = ref(0);
/**
 * Counts the live connection's (re)connects. Events sent while it was down or not yet subscribed
 * are not replayed, so what shows live data loads again when this changes.
 */
export const liveConnections = readonly(connections);

/** Where the console's API lives: same origin as the page, path /graphql (HTTP and WebSocket). */
const GRAPHQL_PATH = '/graphql';

export interface GraphqlClientOptions {
  /** The API path (HTTP and WebSocket): /graphql for the console, /portal/graphql for the portal. Default /graphql. */
  path?: string;
  /**
   * Called when any operation is answered with UNAUTHENTICATED, e.g. because the
   * session expired or was ended from another device. Default: nothing.
   */
  onUnauthenticated?: () => void;
}

function webSocketUrl(path: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${path}`;
}

/**
 * Creates the urql client for one browser app.
 *
 * - Queries and mutations are POSTed as JSON (`preferGetMethod: false`): the
 *   server's CSRF prevention rejects simple GET requests.
 * - Subscriptions run over one lazy graphql-ws connection on the same path; the
 *   session cookie goes along with the upgrade request, and the client keeps
 *   reconnecting for as long as a subscription is active.
 * - The document cache serves `cache-and-network` queries instantly and drops
 *   cached results when a mutation returns (or names) the same typenames.
 */
export function createGraphqlClient(options: GraphqlClientOptions = {}): Client {
  const path = options.path ?? GRAPHQL_PATH;
  const ws = createWsClient({
    url: webSocketUrl(path),
    lazy: true,
    retryAttempts: Infinity,
    on: {
      connected: () => {
        connections.value++;
      },
    },
  });

  return new Client({
    url: path,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (toAppError(error).code === 'UNAUTHENTICATED') options.onUnauthenticated?.();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const payload = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(payload, sink) };
            },
          };
        },
      }),
    ],
  });
}
