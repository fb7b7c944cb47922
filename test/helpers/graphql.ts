import { type Client as WsClient, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}
export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
  setCookie: string[];
}

export interface Credentials {
  /** Value of the tresen_session cookie. */
  cookie?: string;
  /** API token for `Authorization: Bearer`. */
  bearer?: string;
  /** Value of the tresen_portal cookie (the customer portal's session). */
  portal?: string;
}

/** A GraphQL client over real HTTP, as a browser (cookie) or partner tool (bearer) would call. */
export class Gql {
  constructor(
    readonly url: string,
    readonly credentials: Credentials = {},
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.credentials.cookie || this.credentials.portal ? { cookie: cookieHeader(this.credentials) } : {}),
        ...(this.credentials.bearer ? { authorization: `Bearer ${this.credentials.bearer}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: response.status, ...body, setCookie: response.headers.getSetCookie() };
  }

  /** The data of a request that must succeed; throws with the errors otherwise. */
  async data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors ?? result)}`);
    return result.data;
  }

  /** The first error's code of a request that must fail. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const result = await this.request(query, variables);
    if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0]?.extensions?.code;
  }

  /** Signs a contact in to the portal (POST /portal/graphql, portalLogin) and returns a client carrying the portal cookie. */
  static async portalLogin(graphqlUrl: string, email: string, password: string): Promise<Gql> {
    const url = portalUrl(graphqlUrl);
    const result = await new Gql(url).request('mutation ($e: String!, $p: String!) { portalLogin(email: $e, password: $p) { contactId } }', {
      e: email,
      p: password,
    });
    const portal = portalCookieOf(result.setCookie);
    if (!portal || result.errors) throw new Error(`portal login failed for ${email}: ${JSON.stringify(result.errors)}`);
    return new Gql(url, { portal });
  }

  /** Signs in through the real login mutation and returns a client carrying the session cookie. */
  static async login(url: string, email: string, password: string): Promise<Gql> {
    const result = await new Gql(url).request<{ login: { id: string } }>('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', {
      e: email,
      p: password,
    });
    const cookie = result.setCookie.map((c) => /^tresen_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
    if (!cookie || result.errors) throw new Error(`login failed for ${email}: ${JSON.stringify(result.errors)}`);
    return new Gql(url, { cookie });
  }
}

/** A graphql-ws client over a real WebSocket, with a cookie (and Origin) or a bearer token in connection_init. */
export function wsClient(wsUrl: string, credentials: Credentials, origin?: string): WsClient {
  const headers: Record<string, string> = {};
  if (credentials.cookie || credentials.portal) headers.cookie = cookieHeader(credentials);
  if (origin) headers.origin = origin;
  return createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: 0,
    connectionParams: credentials.bearer ? { authorization: `Bearer ${credentials.bearer}` } : {},
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
  });
}

function cookieHeader(credentials: Credentials): string {
  return [credentials.cookie ? `tresen_session=${credentials.cookie}` : '', credentials.portal ? `tresen_portal=${credentials.portal}` : '']
    .filter(Boolean)
    .join('; ');
}

/** The portal's endpoint beside a server's /graphql URL (HTTP or WebSocket). */
export const portalUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/portal/graphql');

/** The tresen_portal cookie a response set, if any. */
export const portalCookieOf = (setCookie: string[]) => setCookie.map((c) => /^tresen_portal=([^;]+)/.exec(c)?.[1]).find(Boolean);

/** Collects a subscription's events until stopped. */
export function collect<T>(client: WsClient, query: string): { events: T[]; errors: unknown[]; stop: () => void; completed: Promise<void> } {
  const events: T[] = [];
  const errors: unknown[] = [];
  let stop: () => void = () => {};
  const completed = new Promise<void>((resolve) => {
    stop = client.subscribe<T>(
      { query },
      {
        next: (value) => {
          if (value.errors) errors.push(...value.errors);
          if (value.data) events.push(value.data as T);
        },
        error: (error) => {
          errors.push(error);
          resolve();
        },
        complete: resolve,
      },
    );
  });
  return { events, errors, stop: () => stop(), completed };
}

/** Waits until a condition holds, polling; fails with a message after the timeout. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
