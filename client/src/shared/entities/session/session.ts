import type { Client } from '@urql/core';
import { computed, inject, readonly, shallowRef, type App, type ComputedRef, type DeepReadonly, type InjectionKey, type Ref } from 'vue';
import type { ViewerFieldsFragment } from '@/shared/graphql/generated/graphql';
import { toOutcome, type Outcome } from '@/shared/graphql/outcome';
import { loginMutation, logoutMutation } from './graphql/mutations';
import { meQuery } from './graphql/queries';

export type Viewer = ViewerFieldsFragment;

/** Who is signed in, shared by the router guard and every component of one app. */
export interface Session {
  readonly viewer: DeepReadonly<Ref<Viewer | null>>;
  /** Admins and agents; customers use the portal, not the console. */
  readonly isStaff: ComputedRef<boolean>;
  readonly isAdmin: ComputedRef<boolean>;
  /** Asks the server once who is signed in; later calls reuse the answer. A failed request is retried next time. */
  ensureLoaded(): Promise<Viewer | null>;
  /** Signs in; the server sets the HttpOnly session cookie. */
  login(email: string, password: string): Promise<Outcome<Viewer>>;
  /** Ends the session on the server and forgets the viewer. */
  logout(): Promise<Outcome<boolean>>;
  /** Forgets the viewer after the server rejected the session; true when someone was signed in. */
  expire(): boolean;
}

const sessionKey: InjectionKey<Session> = Symbol('session');

export function createSession(client: Client): Session {
  const viewer = shallowRef<Viewer | null>(null);
  let loaded: Promise<Viewer | null> | null = null;

  function ensureLoaded(): Promise<Viewer | null> {
    loaded ??= client
      .query(meQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (result.error) loaded = null;
        viewer.value = result.data?.me ?? null;
        return viewer.value;
      });
    return loaded;
  }

  async function login(email: string, password: string): Promise<Outcome<Viewer>> {
    const outcome = toOutcome(await client.mutation(loginMutation, { email, password }).toPromise());
    if (!outcome.ok) return outcome;
    viewer.value = outcome.data.login;
    loaded = Promise.resolve(viewer.value);
    return { ok: true, data: outcome.data.login };
  }

  async function logout(): Promise<Outcome<boolean>> {
    const outcome = toOutcome(await client.mutation(logoutMutation, {}).toPromise());
    const signedOut = outcome.ok || outcome.error.code === 'UNAUTHENTICATED';
    if (!signedOut) return outcome;
    expire();
    return { ok: true, data: true };
  }

  function expire(): boolean {
    const wasSignedIn = viewer.value !== null;
    viewer.value = null;
    loaded = Promise.resolve(null);
    return wasSignedIn;
  }

  return {
    viewer: readonly(viewer),
    isStaff: computed(() => viewer.value?.kind === 'ADMIN' || viewer.value?.kind === 'AGENT'),
    isAdmin: computed(() => viewer.value?.kind === 'ADMIN'),
    ensureLoaded,
    login,
    logout,
    expire,
  };
}

export function provideSession(app: App, session: Session): void {
  app.provide(sessionKey, session);
}

export function useSession(): Session {
  const session = inject(sessionKey);
  if (!session) throw new Error('No session provided: call provideSession(app, createSession(client)) before mounting.');
  return session;
}
