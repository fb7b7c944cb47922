import { forbidden } from './errors.js';
import type { Loaders } from './loaders.js';
import type { Services } from './services.js';
import type { ContactViewer, StaffViewer, UserViewer, Viewer } from '../modules/auth/viewer.js';
import type { RealtimeAccess } from '../realtime/access.js';
import type { TicketRealtime } from '../realtime/ticket-access.js';
import type { TimerTicker } from '../realtime/timer-ticker.js';

/** Sets and clears the session cookie; only HTTP requests have one. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** What every resolver gets: who asks, the services bound to this operation, and transport details. */
export interface Context {
  readonly viewer: Viewer;
  /** Services on this operation's own EntityManager (one unit of work per HTTP request or WS operation). */
  readonly services: Services;
  /** Services on a new EntityManager: for subscription events, which must see fresh data. */
  freshServices(): Services;
  /** Batch loaders for list fields (one set per operation). */
  readonly loaders: Loaders;
  readonly realtime: RealtimeAccess;
  readonly ticketRealtime: TicketRealtime;
  readonly timerTicker: TimerTicker;
  /** The caller's address, for rate limits. */
  readonly ip: string;
  readonly session: SessionCookie | null;
  /** Which endpoint the operation came in on: the console's /graphql or the portal's /portal/graphql. */
  readonly endpoint: 'staff' | 'portal';
}

/** Narrows to a staff-side viewer (user or token); the auth checker has already let only those through. */
export function asStaff(viewer: Viewer): StaffViewer {
  if (viewer.type === 'anonymous' || viewer.type === 'contact') throw forbidden();
  return viewer;
}

/** Narrows to a contact signed in to the portal; customers with a console session are sent there. */
export function asContact(viewer: Viewer): ContactViewer {
  if (viewer.type !== 'contact') throw forbidden('Sign in to the customer portal for this.');
  return viewer;
}

/** A contact who may change things: an admin's view as the customer is read-only. */
export function asActingContact(viewer: Viewer): ContactViewer {
  const contact = asContact(viewer);
  if (contact.actingUserId !== null) throw forbidden('This is a read-only view as the customer: nothing can be changed here.');
  return contact;
}

/** Narrows to a signed-in person (not a token). */
export function asUser(viewer: Viewer): UserViewer {
  if (viewer.type !== 'user') throw forbidden('This needs a signed-in user, not an API token.');
  return viewer;
}
