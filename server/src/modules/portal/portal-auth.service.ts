import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { sql } from '../../infra/sql.js';
import { isUuid } from '../../shared/ids.js';
import { Session } from '../auth/auth.entity.js';
import { LOGIN_FAILED } from '../auth/auth.service.js';
import type { LoginLimiter } from '../auth/login-limiter.js';
import { dummyPasswordHash, hashPassword, validateNewPassword, verifyPassword } from '../auth/password.js';
import { hashSecret, newSessionToken, tenantOfSessionToken } from '../auth/tokens.js';
import { ANONYMOUS, type ContactViewer, type StaffViewer, type UserViewer, type Viewer } from '../auth/viewer.js';
import type { TicketQueryService } from '../tickets/ticket-query.service.js';
import { Contact, type IContact } from '../customers/customer.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { User } from '../users/user.entity.js';
import { AuditEvent, PortalLink, type PortalLinkPurpose } from './portal.entity.js';
import type { PortalLimiter } from './portal-limiter.js';
import type { PortalMailer } from './portal-mailer.js';
import type { TicketLinkSigner } from './ticket-links.js';

/** How long each kind of one-time link works. */
export const LINK_MINUTES: Record<PortalLinkPurpose, number> = { magic: 15, reset: 60, invite: 7 * 24 * 60, impersonate: 2 };
/** The portal page each kind of link opens (`/portal/<path>/<token>`). */
const LINK_PATHS: Record<PortalLinkPurpose, string> = { magic: 'sign-in', reset: 'reset', invite: 'invite', impersonate: 'as' };
/** An admin's view as a customer lasts this long. */
const IMPERSONATION_SECONDS = 30 * 60;
const EMAIL_MAX = 320;

export interface PortalDeps {
  readonly publicUrl: string;
  readonly sessionTtlSeconds: number;
  readonly links: TicketLinkSigner;
  readonly mailer: PortalMailer;
  readonly limiter: PortalLimiter;
  readonly loginLimiter: LoginLimiter;
}

export interface PortalSignIn {
  token: string;
  expiresAt: Date;
  viewer: ContactViewer;
}

/** The signed-in contact as the portal shows them. */
export interface PortalProfile {
  contactId: string;
  name: string;
  email: string;
  customerName: string;
  helpdeskName: string;
  seesCustomerTickets: boolean;
  onlyTicketNumber: number | null;
  readOnly: boolean;
}

interface SessionRow {
  user_id: string;
  contact_id: string;
  customer_id: string;
  ticket_id: string | null;
  acting_user_id: string | null;
}

/**
 * Customers' sign-in to the portal: password, one-time link by mail, password reset, invitations,
 * signed ticket links and an admin's read-only view as a customer. Portal sessions live in the
 * sessions table with kind 'portal' and their own cookie (`tresen_portal`, path /portal); a staff
 * session never opens the portal and a portal session never opens the console.
 */
export class PortalAuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: PortalDeps,
    private readonly ticketQueries: TicketQueryService,
  ) {}

  /** Password sign-in; the same generic failure for an unknown address and a wrong password, rate limited like staff login. */
  async login(emailInput: string, password: string, ip: string): Promise<PortalSignIn> {
    const email = emailInput.trim().toLowerCase();
    const key = `portal:${email}`;
    await this.deps.loginLimiter.assertAllowed(ip, key);
    const rows =
      email.length > 0 && email.length <= EMAIL_MAX && password.length <= 1000
        ? await sql<{ tenant_id: string; user_id: string; password_hash: string | null }>(
            this.em,
            `select u.tenant_id, u.id as user_id, u.password_hash from users u
               join contacts k on k.tenant_id = u.tenant_id and k.user_id = u.id
              where u.email = ? and u.kind = 'customer' and u.active`,
            [email],
          )
        : [];
    let found: { tenant_id: string; user_id: string } | undefined;
    for (const row of rows) {
      if (row.password_hash && (await verifyPassword(row.password_hash, password))) {
        found = row;
        break;
      }
    }
    if (rows.length === 0) await verifyPassword(await dummyPasswordHash(), password);
    if (!found) {
      await this.deps.loginLimiter.recordFailure(ip, key);
      throw new DomainError(ErrorCode.Unauthenticated, LOGIN_FAILED);
    }
    await this.deps.loginLimiter.recordSuccess(ip, key);
    return this.openSession(found.tenant_id, found.user_id, { ticketId: null, actingUserId: null });
  }

  /** The contact behind a portal cookie; anonymous when it is unknown, expired, or the contact lost its login. */
  async viewerFromSession(token: string | undefined): Promise<Viewer> {
    if (!token) return ANONYMOUS;
    const tenantId = tenantOfSessionToken(token);
    if (!tenantId) return ANONYMOUS;
    const sessionHash = hashSecret(token);
    const [row] = await sql<SessionRow>(
      this.em,
      `select s.user_id, k.id as contact_id, k.customer_id, s.ticket_id, s.acting_user_id
         from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
         join contacts k on k.tenant_id = s.tenant_id and k.user_id = s.user_id
        where s.tenant_id = ? and s.token_hash = ? and s.kind = 'portal' and s.expires_at > now() and u.active and u.kind = 'customer'
          and s.created_at >= u.sessions_valid_from`,
      [tenantId, sessionHash],
    );
    if (!row) return ANONYMOUS;
    return {
      type: 'contact',
      tenantId,
      userId: row.user_id,
      contactId: row.contact_id,
      customerId: row.customer_id,
      sessionHash,
      ticketId: row.ticket_id,
      actingUserId: row.acting_user_id,
    };
  }

  /** Who the portal shows as signed in. */
  async me(viewer: ContactViewer): Promise<PortalProfile> {
    const [row] = await sql<{ name: string; email: string; customer_name: string; tenant_name: string; sees: boolean; ticket_number: number | null }>(
      this.em,
      `select k.name, k.email, c.name as customer_name, n.name as tenant_name, k.sees_customer_tickets as sees,
              (select t.number from tickets t where t.tenant_id = k.tenant_id and t.id = ?) as ticket_number
         from contacts k join customers c on c.tenant_id = k.tenant_id and c.id = k.customer_id join tenants n on n.id = k.tenant_id
        where k.tenant_id = ? and k.id = ?`,
      [viewer.ticketId, viewer.tenantId, viewer.contactId],
    );
    if (!row) throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in again.');
    return {
      contactId: viewer.contactId,
      name: row.name,
      email: row.email,
      customerName: row.customer_name,
      helpdeskName: row.tenant_name,
      seesCustomerTickets: row.sees,
      onlyTicketNumber: viewer.ticketId ? row.ticket_number : null,
      readOnly: viewer.actingUserId !== null,
    };
  }

  async logout(viewer: ContactViewer): Promise<void> {
    await this.em.nativeDelete(Session, { tenantId: viewer.tenantId, tokenHash: viewer.sessionHash, kind: 'portal' });
  }

  /**
   * Mails a one-time sign-in link to every tenant where the address is a contact. Always answers the
   * same, whether the address is known or not; counted per address and caller.
   */
  async requestMagicLink(emailInput: string, ip: string): Promise<void> {
    await this.requestLink(emailInput, ip, 'magic');
  }

  /** Mails a password-reset link; same answers and limits as requestMagicLink. */
  async requestPasswordReset(emailInput: string, ip: string): Promise<void> {
    await this.requestLink(emailInput, ip, 'reset');
  }

  /** Signs in with a one-time link from a mail (magic) or an admin's view as the customer (impersonate). */
  async signInWithLink(token: string): Promise<PortalSignIn> {
    const link = await this.takeLink(token, ['magic', 'impersonate']);
    const contact = await this.contactWithUser(link.tenantId, link.contactId);
    return this.openSession(
      link.tenantId,
      contact.userId!,
      { ticketId: null, actingUserId: link.actingUserId },
      link.actingUserId ? IMPERSONATION_SECONDS : undefined,
    );
  }

  /** Sets a new password with a reset or invitation link, ends the contact's other portal sessions and signs in. */
  async resetPassword(token: string, newPassword: string): Promise<PortalSignIn> {
    const password = validateNewPassword(newPassword, 'password');
    const link = await this.peekLink(token, ['reset', 'invite']);
    const passwordHash = await hashPassword(password);
    await this.takeLink(token, ['reset', 'invite']);
    const contact = await this.contactWithUser(link.tenantId, link.contactId);
    await this.em.nativeUpdate(User, { tenantId: link.tenantId, id: contact.userId! }, { passwordHash });
    await this.em.nativeDelete(Session, { tenantId: link.tenantId, userId: contact.userId!, kind: 'portal' });
    return this.openSession(link.tenantId, contact.userId!, { ticketId: null, actingUserId: null });
  }

  /**
   * Opens the ticket of a signed link from one of our mails, without a password: a session that
   * reaches that ticket only. A contact already signed in (fully) stays signed in as they were.
   */
  async openTicketLink(token: string, current: Viewer): Promise<{ signIn: PortalSignIn | null; ticketNumber: number }> {
    const claim = this.deps.links.verify(token);
    const ticket = claim ? await this.em.findOne(Ticket, { tenantId: claim.tenantId, id: claim.ticketId }) : null;
    if (!claim || !ticket || ticket.portalLinkVersion !== claim.version || !ticket.contactId)
      throw new DomainError(ErrorCode.NotFound, 'This link is not valid (any more). Sign in or ask for a new link.');
    const contact = await this.contactWithUser(ticket.tenantId, ticket.contactId);
    if (
      current.type === 'contact' &&
      current.tenantId === ticket.tenantId &&
      current.contactId === contact.id &&
      current.ticketId === null &&
      current.actingUserId === null
    )
      return { signIn: null, ticketNumber: ticket.number };
    const signIn = await this.openSession(ticket.tenantId, contact.userId!, { ticketId: ticket.id, actingUserId: null });
    return { signIn, ticketNumber: ticket.number };
  }

  /** A signed link to a ticket in the portal, for the mails we send about it (null when the ticket has no contact). */
  ticketLink(ticket: { tenantId: string; id: string; portalLinkVersion: number; contactId: string | null }): string | null {
    if (!ticket.contactId) return null;
    return this.deps.links.url(this.deps.publicUrl, ticket.tenantId, ticket.id, ticket.portalLinkVersion);
  }

  /** Revokes every signed link to a ticket the viewer may see (the ticket's link version goes up). */
  async revokeTicketLinks(viewer: StaffViewer, ticketId: string): Promise<void> {
    const ticket = await this.ticketQueries.findVisible(viewer, ticketId);
    if (!ticket) throw notFound('Ticket');
    await sql(this.em, 'update tickets set portal_link_version = portal_link_version + 1 where tenant_id = ? and id = ?', [ticket.tenantId, ticket.id]);
  }

  /** An admin invites a contact to the portal: a mail with a link to choose a password (valid 7 days). */
  async invite(admin: UserViewer, contactId: string): Promise<IContact> {
    const contact = await this.contactWithUser(admin.tenantId, contactId);
    const url = await this.createLink(admin.tenantId, contact.id, 'invite', null);
    this.deps.mailer.send({
      tenantId: admin.tenantId,
      contactId: contact.id,
      to: contact.email,
      subject: 'Ihr Zugang zum Kundenbereich / Your access to the customer portal',
      text: [
        `Hallo ${contact.name},`,
        '',
        `Sie wurden zum Kundenbereich eingeladen. Wählen Sie hier Ihr Passwort (der Link gilt 7 Tage):`,
        url,
        '',
        `Hello ${contact.name}, you have been invited to the customer portal. Choose your password here (the link works for 7 days):`,
        url,
      ].join('\n'),
    });
    return contact;
  }

  /**
   * An admin's read-only view of the portal as this contact: a one-time link (2 minutes) that opens
   * a 30-minute session which can look but not change anything. Recorded in the audit trail.
   */
  async impersonate(admin: UserViewer, contactId: string): Promise<string> {
    const contact = await this.contactWithUser(admin.tenantId, contactId);
    const url = await this.createLink(admin.tenantId, contact.id, 'impersonate', admin.userId);
    this.em.create(AuditEvent, {
      id: randomUUID(),
      tenantId: admin.tenantId,
      actorUserId: admin.userId,
      action: 'portal.view_as_customer',
      subject: `contact ${contact.id} (${contact.email})`,
    });
    await this.em.flush();
    return url;
  }

  /** Gives or takes a contact's right to see and answer all tickets of their customer. */
  async setRights(admin: UserViewer, contactId: string, seesCustomerTickets: boolean): Promise<IContact> {
    const contact = isUuid(contactId) ? await this.em.findOne(Contact, { tenantId: admin.tenantId, id: contactId }) : null;
    if (!contact) throw notFound('Contact');
    contact.seesCustomerTickets = seesCustomerTickets;
    await this.em.flush();
    return contact;
  }

  private async requestLink(emailInput: string, ip: string, purpose: 'magic' | 'reset'): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    if (email.length === 0 || email.length > EMAIL_MAX || !email.includes('@')) throw fieldError('email', 'Enter your e-mail address.');
    await this.deps.limiter.consume(ip, email);
    const contacts = await this.em.find(Contact, { email });
    for (const found of contacts) {
      const contact = await this.contactWithUser(found.tenantId, found.id).catch(() => null);
      if (!contact) continue;
      const url = await this.createLink(contact.tenantId, contact.id, purpose, null);
      this.deps.mailer.send({
        tenantId: contact.tenantId,
        contactId: contact.id,
        to: contact.email,
        ...(purpose === 'magic'
          ? {
              subject: 'Ihr Anmeldelink / Your sign-in link',
              text: [
                `Mit diesem Link melden Sie sich im Kundenbereich an (gültig ${LINK_MINUTES.magic} Minuten, nur einmal):`,
                url,
                '',
                `Use this link to sign in to the customer portal (valid for ${LINK_MINUTES.magic} minutes, once):`,
                url,
                '',
                'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht. / If you did not ask for this, ignore this message.',
              ].join('\n'),
            }
          : {
              subject: 'Passwort zurücksetzen / Reset your password',
              text: [
                `Mit diesem Link wählen Sie ein neues Passwort für den Kundenbereich (gültig ${LINK_MINUTES.reset} Minuten, nur einmal):`,
                url,
                '',
                `Use this link to choose a new password for the customer portal (valid for ${LINK_MINUTES.reset} minutes, once):`,
                url,
                '',
                'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht. / If you did not ask for this, ignore this message.',
              ].join('\n'),
            }),
      });
    }
  }

  private async createLink(tenantId: string, contactId: string, purpose: PortalLinkPurpose, actingUserId: string | null): Promise<string> {
    const token = `${tenantId}.${randomBytes(32).toString('base64url')}`;
    this.em.create(PortalLink, {
      id: randomUUID(),
      tenantId,
      purpose,
      contactId,
      actingUserId,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + LINK_MINUTES[purpose] * 60_000),
      usedAt: null,
    });
    await this.em.flush();
    return `${this.deps.publicUrl}/portal/${LINK_PATHS[purpose]}/${token}`;
  }

  /** A link that still works, without using it up (to validate a new password before the link is spent). */
  private async peekLink(token: string, purposes: PortalLinkPurpose[]) {
    const tenantId = tenantOfSessionToken(token);
    const link = tenantId ? await this.em.findOne(PortalLink, { tenantId, tokenHash: hashSecret(token), purpose: { $in: purposes }, usedAt: null }) : null;
    if (!link || link.expiresAt.getTime() <= Date.now()) throw linkInvalid();
    return link;
  }

  /** Uses a one-time link up, atomically: of two requests with the same link, one wins. */
  private async takeLink(token: string, purposes: PortalLinkPurpose[]) {
    const tenantId = tenantOfSessionToken(token);
    if (!tenantId) throw linkInvalid();
    const [row] = await sql<{ tenant_id: string; contact_id: string; acting_user_id: string | null }>(
      this.em,
      `update portal_links set used_at = now()
        where tenant_id = ? and token_hash = ? and purpose = any(?::text[]) and used_at is null and expires_at > now()
        returning tenant_id, contact_id, acting_user_id`,
      [tenantId, hashSecret(token), `{${purposes.join(',')}}`],
    );
    if (!row) throw linkInvalid();
    return { tenantId: row.tenant_id, contactId: row.contact_id, actingUserId: row.acting_user_id };
  }

  /**
   * The contact with its portal user, made on first need (customers get a user row without a
   * password). An address that belongs to a staff member of the tenant cannot be a portal login.
   */
  private async contactWithUser(tenantId: string, contactId: string): Promise<IContact> {
    const contact = isUuid(contactId) ? await this.em.findOne(Contact, { tenantId, id: contactId }) : null;
    if (!contact) throw notFound('Contact');
    if (contact.userId) return contact;
    const existing = await this.em.findOne(User, { tenantId, email: contact.email });
    if (existing && existing.kind !== 'customer')
      throw new DomainError(ErrorCode.Conflict, 'This address belongs to a staff member and cannot sign in to the portal.');
    const user =
      existing ??
      this.em.create(User, { id: randomUUID(), tenantId, kind: 'customer', email: contact.email, name: contact.name, passwordHash: null, active: true });
    contact.userId = user.id;
    await this.em.flush();
    return contact;
  }

  private async openSession(
    tenantId: string,
    userId: string,
    scope: { ticketId: string | null; actingUserId: string | null },
    ttlSeconds = this.deps.sessionTtlSeconds,
  ): Promise<PortalSignIn> {
    const token = newSessionToken(tenantId);
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    this.em.create(Session, {
      tenantId,
      tokenHash: hashSecret(token),
      userId,
      kind: 'portal',
      ticketId: scope.ticketId,
      actingUserId: scope.actingUserId,
      expiresAt,
    });
    await this.em.flush();
    const viewer = await this.viewerFromSession(token);
    if (viewer.type !== 'contact') throw new DomainError(ErrorCode.Unauthenticated, LOGIN_FAILED);
    return { token, expiresAt, viewer };
  }
}

const linkInvalid = () =>
  new DomainError(ErrorCode.BadUserInput, 'This link is not valid any more: it was used already or has expired. Ask for a new one.', 'token');
