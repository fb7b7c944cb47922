import { createRouter, createWebHistory, type Router, type RouteRecordRaw } from 'vue-router';
import type { Session } from '@/shared/entities/session/session';
import type { MessageKey } from '@/shared/i18n';

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the page title (document title and h1). */
    title?: MessageKey;
    /** Reachable without signing in. */
    public?: boolean;
    /** Only for admins; agents are sent home. */
    admin?: boolean;
    /** Uses the full width of the window (lists and the ticket view). */
    wide?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    path: '/',
    component: () => import('./layout/ConsoleLayout.vue'),
    children: [
      // The inbox is the console's home page.
      { path: '', name: 'home', component: () => import('./pages/tickets/InboxPage.vue'), meta: { title: 'inbox.title', wide: true } },
      { path: 'tickets', redirect: { name: 'home' } },
      {
        path: 'tickets/new',
        name: 'ticket-new',
        component: () => import('./pages/tickets/TicketCreatePage.vue'),
        meta: { title: 'ticketCreate.title' },
      },
      {
        path: 'tickets/:number(\\d+)',
        name: 'ticket',
        component: () => import('./pages/tickets/TicketPage.vue'),
        meta: { title: 'ticket.title', wide: true },
      },
      {
        path: 'account',
        name: 'account',
        component: () => import('./pages/account/AccountPage.vue'),
        meta: { title: 'account.title' },
      },
      {
        path: 'admin/departments',
        name: 'departments',
        component: () => import('./pages/admin/departments/DepartmentsPage.vue'),
        meta: { admin: true, title: 'departments.title' },
      },
      {
        path: 'admin/staff',
        name: 'staff',
        component: () => import('./pages/admin/staff/StaffPage.vue'),
        meta: { admin: true, title: 'staff.title' },
      },
      {
        path: 'admin/groups',
        name: 'groups',
        component: () => import('./pages/admin/groups/UserGroupsPage.vue'),
        meta: { admin: true, title: 'groups.title' },
      },
      {
        path: 'admin/tokens',
        name: 'tokens',
        component: () => import('./pages/admin/tokens/ApiTokensPage.vue'),
        meta: { admin: true, title: 'tokens.title' },
      },
      {
        path: 'admin/mailboxes',
        name: 'mailboxes',
        component: () => import('./pages/admin/mailboxes/MailboxesPage.vue'),
        meta: { admin: true, title: 'mailboxes.title', wide: true },
      },
      {
        path: 'admin/canned-replies',
        name: 'canned-replies',
        component: () => import('./pages/admin/cannedReplies/CannedRepliesPage.vue'),
        meta: { admin: true, title: 'cannedReplies.title' },
      },
      {
        path: 'admin/ratings',
        name: 'ratings',
        component: () => import('./pages/admin/ratings/RatingsPage.vue'),
        meta: { admin: true, title: 'ratings.title' },
      },
      {
        path: 'admin/widgets',
        name: 'widgets',
        component: () => import('./pages/admin/widgets/WidgetsPage.vue'),
        meta: { admin: true, title: 'widgets.title', wide: true },
      },
      // Not /quotes: the server answers /quotes/<id>.csv itself (the CSV download).
      {
        path: 'billing',
        name: 'billing',
        component: () => import('./pages/billing/BillingPage.vue'),
        meta: { admin: true, title: 'billing.title', wide: true },
      },
      {
        path: 'billing/quotes',
        name: 'quotes',
        component: () => import('./pages/billing/QuotesPage.vue'),
        meta: { admin: true, title: 'quotes.title' },
      },
      {
        path: 'billing/quotes/:id',
        name: 'quote',
        component: () => import('./pages/billing/QuotePage.vue'),
        meta: { admin: true, title: 'quotes.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./pages/NotFoundPage.vue'),
        meta: { title: 'notFound.title' },
      },
    ],
  },
];

/**
 * History-mode router of the console. Everything but /login needs a signed-in
 * staff member; admin pages need an admin; a signed-in visitor of /login goes home.
 */
export function createConsoleRouter(session: Session): Router {
  const router = createRouter({ history: createWebHistory(), routes });

  router.beforeEach(async (to) => {
    await session.ensureLoaded();
    const signedIn = session.isStaff.value;
    if (to.meta.public) return signedIn && to.name === 'login' ? { name: 'home' } : true;
    if (!signedIn) return { name: 'login' };
    if (to.meta.admin && !session.isAdmin.value) return { name: 'home' };
    return true;
  });

  return router;
}
