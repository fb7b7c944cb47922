import 'reflect-metadata';
import { type GraphQLError, type GraphQLSchema, type ValidationContext, type ValidationRule, NoSchemaIntrospectionCustomRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { rolesOf, Role } from '../modules/auth/viewer.js';
import { DepartmentResolver } from '../modules/departments/department.resolver.js';
import { StaffResolver } from '../modules/users/staff.resolver.js';
import { UserGroupResolver } from '../modules/users/user-group.resolver.js';
import { CustomerResolver } from '../modules/customers/customer.resolver.js';
import { MailboxResolver } from '../modules/mail/mailbox.resolver.js';
import { MailboxSendingResolver, ReplyResolver } from '../modules/mail/smtp/reply.resolver.js';
import { QuoteResolver, TicketTimeResolver, TimeResolver } from '../modules/time/time.resolver.js';
import { MessageResolver } from '../modules/messages/message.resolver.js';
import { PresenceResolver } from '../modules/tickets/presence.resolver.js';
import { TicketHistoryResolver } from '../modules/tickets/ticket-history.resolver.js';
import { TicketResolver } from '../modules/tickets/ticket.resolver.js';
import { PortalResolver } from '../modules/portal/portal.resolver.js';
import { PortalAdminResolver } from '../modules/portal/portal-admin.resolver.js';
import { WidgetResolver } from '../modules/widget/widget.resolver.js';
import type { TresenPubSub } from '../realtime/pubsub.js';
import type { Context } from './context.js';
import { DomainError, ErrorCode } from './errors.js';

export const resolvers = [
  AuthResolver,
  DepartmentResolver,
  StaffResolver,
  UserGroupResolver,
  TicketResolver,
  TicketHistoryResolver,
  PresenceResolver,
  MessageResolver,
  CustomerResolver,
  MailboxResolver,
  MailboxSendingResolver,
  ReplyResolver,
  TimeResolver,
  QuoteResolver,
  TicketTimeResolver,
  PortalResolver,
  PortalAdminResolver,
  WidgetResolver,
] as const;

/** Deny by default: an operation passes only if the viewer has one of its roles (or it is marked Public). */
export const authChecker: AuthChecker<Context, string> = ({ context }, roles) => {
  if (roles.includes(Role.Public)) return true;
  const mine = rolesOf(context.viewer);
  if (mine.some((role) => roles.includes(role))) return true;
  if (context.viewer.type === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in.');
  throw new DomainError(ErrorCode.Forbidden, 'You may not do this.');
};

/**
 * Builds the executable schema from the resolvers. Subscriptions take their sources from the given
 * pub/sub (through RealtimeAccess); the emitter passes an in-process one.
 */
export async function buildTresenSchema(pubSub: TresenPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    authChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  });
}

/** Limits on a request's shape, applied before any resolver runs, on HTTP and on the WebSocket alike. */
export const QUERY_LIMITS = { maxDepth: 8, maxAliases: 15, maxCost: 5000, maxTokens: 10_000 } as const;

export function validationRules(production: boolean): ValidationRule[] {
  // Report a breach as a validation error (400, nothing executed) instead of throwing out of validate().
  const report = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
    exposeLimits: true,
  };
  const rules = [
    maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...report }),
    costLimitRule({ maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, ...report }),
  ] as unknown as ValidationRule[];
  if (production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
