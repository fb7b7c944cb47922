import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../infra/logger.js';
import { MailImporter } from '../modules/mail/import/mail-importer.js';
import type { MailReader } from '../modules/mail/parsing/mail-reader.js';
import { MailboxService } from '../modules/mail/mailbox.service.js';
import type { MailLimits } from '../modules/mail/parsing/parse-mail.js';
import type { MessageIdSigner } from '../modules/mail/threading/message-ids.js';
import type { SecretBox } from '../shared/secret-box.js';
import { CannedReplyService } from '../modules/mail/smtp/canned-reply.service.js';
import type { Outbox } from '../modules/mail/smtp/outbox.js';
import { ReplyService } from '../modules/mail/smtp/reply.service.js';
import { SendingService } from '../modules/mail/smtp/sending.service.js';
import type { Config } from '../config.js';
import { AuthService } from '../modules/auth/auth.service.js';
import type { LoginLimiter } from '../modules/auth/login-limiter.js';
import { DepartmentService } from '../modules/departments/department.service.js';
import { StaffService } from '../modules/users/staff.service.js';
import { UserGroupService } from '../modules/users/user-group.service.js';
import type { TresenPubSub } from '../realtime/pubsub.js';
import { AttachmentService } from '../modules/attachments/attachment.service.js';
import { CustomerService } from '../modules/customers/customer.service.js';
import { MessageService } from '../modules/messages/message.service.js';
import type { PresenceStore } from '../modules/tickets/presence.store.js';
import { TicketCommandService } from '../modules/tickets/ticket-command.service.js';
import { TicketQueryService } from '../modules/tickets/ticket-query.service.js';
import { TicketStatusService } from '../modules/tickets/ticket-status.service.js';
import { BillingService } from '../modules/time/billing.service.js';
import { TimeService } from '../modules/time/time.service.js';
import { CustomerTicketService } from '../modules/portal/customer-ticket.service.js';
import { PortalAuthService } from '../modules/portal/portal-auth.service.js';
import type { PortalLimiter } from '../modules/portal/portal-limiter.js';
import type { PortalMailer } from '../modules/portal/portal-mailer.js';
import { PortalTicketService } from '../modules/portal/portal-ticket.service.js';
import { RatingService } from '../modules/portal/rating.service.js';
import { RatingRequests } from '../modules/portal/rating-request.js';
import type { TicketLinkSigner } from '../modules/portal/ticket-links.js';
import { WidgetService } from '../modules/widget/widget.service.js';

export interface ServiceDeps {
  readonly config: Pick<Config, 'sessionTtlSeconds' | 'attachmentMaxBytes' | 'timeZone' | 'publicUrl'>;
  readonly pubSub: TresenPubSub;
  readonly limiter: LoginLimiter;
  readonly presence: PresenceStore;
  readonly mail: MailDeps;
  readonly portal: PortalParts;
}

/** What the customer portal needs besides the database: its link signer, sign-in mailer and request limits. */
export interface PortalParts {
  readonly links: TicketLinkSigner;
  readonly mailer: PortalMailer;
  readonly limiter: PortalLimiter;
}

/** What mail import needs besides the database: the sealing key, the Message-ID signer, limits, a logger. */
export interface MailDeps {
  readonly box: SecretBox;
  readonly signer: MessageIdSigner;
  readonly limits: MailLimits;
  readonly logger: Logger;
  /** Where replies are queued; null where nothing can send (unit tests of other parts). */
  readonly outbox: Outbox | null;
  /** Parses incoming mail, on worker threads where the process has them; absent: on the calling thread. */
  readonly reader?: MailReader;
}

/** The importer for one EntityManager (each import forks its own transaction from it). */
export function createMailImporter(em: EntityManager, pubSub: TresenPubSub, mail: MailDeps): MailImporter {
  return new MailImporter(em, pubSub, mail.signer, mail.limits, mail.logger, mail.outbox, mail.reader);
}

/** All services of one unit of work, sharing one EntityManager. Cheap to create: one per operation. */
export function createServices(em: EntityManager, deps: ServiceDeps) {
  const auth = new AuthService(em, deps.limiter, deps.config.sessionTtlSeconds);
  const departments = new DepartmentService(em, deps.pubSub);
  const userGroups = new UserGroupService(em);
  const staff = new StaffService(em, departments, userGroups, auth);
  const customers = new CustomerService(em);
  const ticketQueries = new TicketQueryService(em, departments);
  const ratingRequests = deps.mail.outbox ? new RatingRequests(deps.mail.signer, deps.mail.outbox, deps.portal.links, deps.config.publicUrl) : null;
  const messages = new MessageService(em);
  const attachments = new AttachmentService(em, ticketQueries, deps.config.attachmentMaxBytes);
  const tickets = new TicketCommandService(em, ticketQueries, attachments, deps.pubSub, ratingRequests);
  const ticketStatuses = new TicketStatusService(em);
  const mailboxes = new MailboxService(em, departments, deps.mail.box, deps.pubSub, createMailImporter(em, deps.pubSub, deps.mail));
  const sending = new SendingService(em, mailboxes, deps.mail.box, deps.pubSub);
  const cannedReplies = new CannedReplyService(em, ticketQueries);
  const replies = new ReplyService(em, ticketQueries, attachments, cannedReplies, deps.mail.signer, deps.mail.outbox, deps.pubSub, ratingRequests);
  const time = new TimeService(em, ticketQueries, deps.pubSub, deps.config.timeZone);
  const billing = new BillingService(em, ticketQueries, deps.pubSub);
  const portalAuth = new PortalAuthService(
    em,
    {
      publicUrl: deps.config.publicUrl,
      sessionTtlSeconds: deps.config.sessionTtlSeconds,
      links: deps.portal.links,
      mailer: deps.portal.mailer,
      limiter: deps.portal.limiter,
      loginLimiter: deps.limiter,
    },
    ticketQueries,
  );
  const customerTickets = new CustomerTicketService(em, deps.pubSub, deps.mail.signer, deps.mail.outbox, portalAuth, deps.config.attachmentMaxBytes);
  const portalTickets = new PortalTicketService(em, deps.pubSub, customerTickets);
  const widgets = new WidgetService(em);
  return {
    em,
    auth,
    departments,
    userGroups,
    staff,
    customers,
    ticketQueries,
    tickets,
    ticketStatuses,
    messages,
    attachments,
    mailboxes,
    sending,
    cannedReplies,
    replies,
    time,
    billing,
    portalAuth,
    customerTickets,
    portalTickets,
    ratings: new RatingService(em, departments),
    widgets,
    presence: deps.presence,
  };
}
export type Services = ReturnType<typeof createServices>;
