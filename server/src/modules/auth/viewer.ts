import type { ApiTokenScope } from './auth.entity.js';
import type { UserKind } from '../users/user.entity.js';

/** Who is asking. Every service method takes the viewer first and decides with it. */
export type Viewer =
  | { readonly type: 'anonymous' }
  | {
      readonly type: 'user';
      readonly tenantId: string;
      readonly userId: string;
      readonly kind: UserKind;
      /** Hash of the session token, to end exactly this session on logout. */
      readonly sessionHash: string;
    }
  | { readonly type: 'token'; readonly tenantId: string; readonly tokenId: string; readonly scope: ApiTokenScope }
  | ContactViewer;

/**
 * A customer's contact signed in to the portal (its own cookie and endpoint). Reaches only portal
 * operations; what it sees is decided by the portal's visibility rule, never by the staff rules.
 */
export interface ContactViewer {
  readonly type: 'contact';
  readonly tenantId: string;
  /** The contact's user row (kind customer). */
  readonly userId: string;
  readonly contactId: string;
  readonly customerId: string;
  readonly sessionHash: string;
  /** Set for a session opened by a signed ticket link: it reaches this one ticket only. */
  readonly ticketId: string | null;
  /** Set when an admin views the portal as this customer: a read-only view. */
  readonly actingUserId: string | null;
}

export const ANONYMOUS: Viewer = { type: 'anonymous' };

/** The access roles operations are marked with (`@Authorized(...)`). */
export const Role = {
  /** Anyone, signed in or not. Only for login and `me`. */
  Public: 'PUBLIC',
  Admin: 'ADMIN',
  Agent: 'AGENT',
  Customer: 'CUSTOMER',
  /** A partner tool's API token, read or read-write. */
  PartnerRead: 'PARTNER_READ',
  /** A partner tool's read-write API token. */
  PartnerWrite: 'PARTNER_WRITE',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Roles allowed to read staff-side data. */
export const STAFF_READ: Role[] = [Role.Admin, Role.Agent, Role.PartnerRead];
/** Roles allowed to change tenant configuration. */
export const ADMIN_WRITE: Role[] = [Role.Admin, Role.PartnerWrite];

export function rolesOf(viewer: Viewer): Role[] {
  switch (viewer.type) {
    case 'anonymous':
      return [];
    case 'user':
      return viewer.kind === 'admin' ? [Role.Admin] : viewer.kind === 'agent' ? [Role.Agent] : [Role.Customer];
    case 'token':
      return viewer.scope === 'read_write' ? [Role.PartnerRead, Role.PartnerWrite] : [Role.PartnerRead];
    case 'contact':
      return [Role.Customer];
  }
}

export type StaffViewer = Extract<Viewer, { type: 'user' }> | Extract<Viewer, { type: 'token' }>;
export type UserViewer = Extract<Viewer, { type: 'user' }>;

/** Customers, in the portal or with a staff-style session: they never reach staff-side data. */
export function isCustomerSide(viewer: Viewer): boolean {
  return viewer.type === 'contact' || (viewer.type === 'user' && viewer.kind === 'customer');
}
