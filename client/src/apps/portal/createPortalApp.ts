import urql from '@urql/vue';
import { createApp, type App } from 'vue';
import { createPortalSession, providePortalSession } from '@/shared/entities/portal/portalSession';
import { createGraphqlClient } from '@/shared/graphql/client';
import { createAppI18n } from '@/shared/i18n';
import PortalApp from './PortalApp.vue';
import { createPortalRouter } from './router';

/** The customer portal: its own GraphQL endpoint (/portal/graphql) and cookie, its own session and router. */
export function createPortalApp(): App {
  const client = createGraphqlClient({
    path: '/portal/graphql',
    onUnauthenticated() {
      if (session.expire()) window.location.assign(router.resolve({ name: 'sign-in', query: { expired: '1' } }).href);
    },
  });
  const session = createPortalSession(client);
  const router = createPortalRouter(session);
  const app = createApp(PortalApp);
  app.use(urql, client);
  app.use(createAppI18n());
  app.use(router);
  providePortalSession(app, session);
  return app;
}
