import type { Client } from '@urql/core';
import { inject, readonly, shallowRef, type App, type DeepReadonly, type InjectionKey, type Ref } from 'vue';
import type { PortalMeFieldsFragment } from '@/shared/graphql/generated/graphql';
import { toOutcome, type Outcome } from '@/shared/graphql/outcome';
import { portalLoginMutation, portalLogoutMutation, portalMeQuery } from './graphql/documents';

export type PortalMe = PortalMeFieldsFragment;

/** The contact signed in to the portal, shared by the router guard and every page. */
export interface PortalSession {
  readonly me: DeepReadonly<Ref<PortalMe | null>>;
  /** Asks the server once who is signed in; a failed request is retried next time. */
  ensureLoaded(): Promise<PortalMe | null>;
  login(email: string, password: string): Promise<Outcome<PortalMe>>;
  /** Takes the contact a link or reset signed in. */
  signedIn(me: PortalMe): void;
  logout(): Promise<Outcome<boolean>>;
  /** Forgets the contact after the server rejected the session; true when someone was signed in. */
  expire(): boolean;
}

const key: InjectionKey<PortalSession> = Symbol('portal-session');

export function createPortalSession(client: Client): PortalSession {
  const me = shallowRef<PortalMe | null>(null);
  let loaded: Promise<PortalMe | null> | null = null;

  function signedIn(value: PortalMe): void {
    me.value = value;
    loaded = Promise.resolve(value);
  }

  function expire(): boolean {
    const was = me.value !== null;
    me.value = null;
    loaded = Promise.resolve(null);
    return was;
  }

  return {
    me: readonly(me),
    ensureLoaded() {
      loaded ??= client
        .query(portalMeQuery, {}, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (result.error) loaded = null;
          me.value = result.data?.portalMe ?? null;
          return me.value;
        });
      return loaded;
    },
    async login(email, password) {
      const outcome = toOutcome(await client.mutation(portalLoginMutation, { email, password }).toPromise());
      if (!outcome.ok) return outcome;
      signedIn(outcome.data.portalLogin);
      return { ok: true, data: outcome.data.portalLogin };
    },
    signedIn,
    async logout() {
      const outcome = toOutcome(await client.mutation(portalLogoutMutation, {}).toPromise());
      if (!outcome.ok && outcome.error.code !== 'UNAUTHENTICATED') return outcome;
      expire();
      return { ok: true, data: true };
    },
    expire,
  };
}

export function providePortalSession(app: App, session: PortalSession): void {
  app.provide(key, session);
}

export function usePortalSession(): PortalSession {
  const session = inject(key);
  if (!session) throw new Error('No portal session provided: call providePortalSession(app, createPortalSession(client)) before mounting.');
  return session;
}
