import urql from '@urql/vue';
import { createApp, type App } from 'vue';
import { createSession, provideSession } from '@/shared/entities/session/session';
import { createGraphqlClient } from '@/shared/graphql/client';
import { createAppI18n } from '@/shared/i18n';
import ConsoleApp from './ConsoleApp.vue';
import { createConsoleRouter } from './router';

/** The console for agents and admins, wired to its GraphQL client, session, i18n and router. */
export function createConsoleApp(): App {
  const client = createGraphqlClient({
    onUnauthenticated() {
      // The session ended elsewhere (expired, password changed, signed out on another device).
      // A full page load, as on logout, drops cached results and the WebSocket of the old session.
      if (session.expire()) window.location.assign(router.resolve({ name: 'login', query: { expired: '1' } }).href);
    },
  });
  const session = createSession(client);
  const router = createConsoleRouter(session);

  const app = createApp(ConsoleApp);
  app.use(urql, client);
  app.use(createAppI18n());
  app.use(router);
  provideSession(app, session);
  return app;
}
