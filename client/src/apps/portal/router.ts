import { createRouter, createWebHistory, type Router, type RouteRecordRaw } from 'vue-router';
import type { PortalSession } from '@/shared/entities/portal/portalSession';
import type { MessageKey } from '@/shared/i18n';

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the page title. */
    title?: MessageKey;
    /** Reachable without signing in. */
    public?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { public: true, title: 'portal.signIn.title' } },
  // Links from our mails. They act only on a click or a form (POST), never on a plain page load by a mail scanner.
  {
    path: '/sign-in/:token',
    name: 'magic',
    component: () => import('./pages/LinkPage.vue'),
    props: { kind: 'magic' },
    meta: { public: true, title: 'portal.signIn.title' },
  },
  {
    path: '/as/:token',
    name: 'view-as',
    component: () => import('./pages/LinkPage.vue'),
    props: { kind: 'magic' },
    meta: { public: true, title: 'portal.signIn.title' },
  },
  {
    path: '/t/:token',
    name: 'ticket-link',
    component: () => import('./pages/LinkPage.vue'),
    props: { kind: 'ticket' },
    meta: { public: true, title: 'portal.ticket.title' },
  },
  {
    path: '/reset/:token',
    name: 'reset',
    component: () => import('./pages/SetPasswordPage.vue'),
    props: { kind: 'reset' },
    meta: { public: true, title: 'portal.link.setPassword' },
  },
  {
    path: '/invite/:token',
    name: 'invite',
    component: () => import('./pages/SetPasswordPage.vue'),
    props: { kind: 'invite' },
    meta: { public: true, title: 'portal.link.setPassword' },
  },
  {
    path: '/',
    component: () => import('./layout/PortalLayout.vue'),
    children: [
      { path: '', name: 'tickets', component: () => import('./pages/TicketsPage.vue'), meta: { title: 'portal.list.title' } },
      { path: 'new', name: 'ticket-new', component: () => import('./pages/NewTicketPage.vue'), meta: { title: 'portal.create.title' } },
      { path: 'tickets/:number(\\d+)', name: 'ticket', component: () => import('./pages/TicketPage.vue'), meta: { title: 'portal.ticket.title' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'notFound.title' } },
    ],
  },
];

/** History-mode router under /portal. Everything but the sign-in and link pages needs a signed-in contact. */
export function createPortalRouter(session: PortalSession): Router {
  const router = createRouter({ history: createWebHistory('/portal/'), routes });
  router.beforeEach(async (to) => {
    const me = await session.ensureLoaded();
    if (to.meta.public) return me && to.name === 'sign-in' ? { name: 'tickets' } : true;
    if (!me) return { name: 'sign-in', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
    // A ticket link's session reaches one ticket: send everything else there.
    if (me.onlyTicketNumber !== null && !(to.name === 'ticket' && Number(to.params.number) === me.onlyTicketNumber))
      return { name: 'ticket', params: { number: String(me.onlyTicketNumber) } };
    return true;
  });
  return router;
}
