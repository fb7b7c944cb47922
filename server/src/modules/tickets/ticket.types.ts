import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import { ChangeKind } from '../departments/department.types.js';
import type { ITicket, ITicketHistory, ITicketStatus, Priority } from './ticket.entity.js';

export enum TicketPriorityGql {
  LOW = 0,
  NORMAL = 1,
  HIGH = 2,
  URGENT = 3,
}
registerEnumType(TicketPriorityGql, { name: 'TicketPriority', description: 'How urgent a ticket is.' });

/** The GraphQL enum carries the stored numbers (LOW = 0 … URGENT = 3), so this is a checked identity. */
export function toPriority(priority: TicketPriorityGql): Priority {
  return priority as number as Priority;
}

export enum TicketChannelGql {
  MAIL = 'mail',
  PORTAL = 'portal',
  WIDGET = 'widget',
  PHONE = 'phone',
  AGENT = 'agent',
}
registerEnumType(TicketChannelGql, { name: 'TicketChannel', description: 'How the ticket came in.' });

export enum StatusCategoryGql {
  OPEN = 'open',
  PENDING = 'pending',
  CLOSED = 'closed',
}
registerEnumType(StatusCategoryGql, {
  name: 'StatusCategory',
  description: 'What a status means for the inbox: open (needs work), pending (waiting), closed.',
});

export enum MessageKindGql {
  INBOUND = 'inbound',
  OUTBOUND = 'outbound',
  NOTE = 'note',
}
registerEnumType(MessageKindGql, { name: 'MessageKind', description: 'Mail in, mail out, or an internal note (staff only).' });

export enum TicketOrderFieldGql {
  LAST_ACTIVITY = 'last_activity_at',
  CREATED = 'created_at',
  UPDATED = 'updated_at',
  NUMBER = 'number',
  PRIORITY = 'priority',
}
registerEnumType(TicketOrderFieldGql, { name: 'TicketOrderField', description: 'What to sort tickets by.' });

export enum OrderDirectionGql {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(OrderDirectionGql, { name: 'OrderDirection', description: 'Ascending or descending.' });

export enum PresenceStateGql {
  VIEWING = 'viewing',
  TYPING = 'typing',
  LEFT = 'left',
}
registerEnumType(PresenceStateGql, { name: 'PresenceState', description: 'What a staff member is doing in a ticket.' });

@AccessRule('Statuses of the viewer tenant, for staff and API tokens.')
@ObjectType('TicketStatus', { description: 'A ticket status: system ones and those admins added.' })
export class TicketStatusGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => String, { description: 'Machine name, e.g. new, open, answered, closed.' })
  key!: string;
  @Field(() => StatusCategoryGql, { description: 'Open, pending or closed.' })
  category!: StatusCategoryGql;
  @Field(() => String, { description: 'German label.' })
  labelDe!: string;
  @Field(() => String, { description: 'English label.' })
  labelEn!: string;
  @Field(() => Boolean, { description: 'System statuses cannot be removed.' })
  isSystem!: boolean;
  @Field(() => Int, { description: 'Display order.' })
  position!: number;
}

export function toTicketStatusGql(status: ITicketStatus): TicketStatusGql {
  return {
    id: status.id,
    key: status.key,
    category: status.category as StatusCategoryGql,
    labelDe: status.labelDe,
    labelEn: status.labelEn,
    isSystem: status.isSystem,
    position: status.position,
  };
}

@AccessRule('Staff of the viewer tenant as shown on tickets (id and name only).')
@ObjectType('StaffRef', { description: 'A staff member as other staff see them on tickets.' })
export class StaffRefGql {
  @Field(() => ID, { description: 'User id.' })
  id!: string;
  @Field(() => String, { description: 'Display name.' })
  name!: string;
}

@AccessRule('Only on tickets the viewer may see.')
@ObjectType('TicketPolicy', { description: 'What the viewer may do with a ticket, so clients never re-derive permissions.' })
export class TicketPolicyGql {
  @Field(() => Boolean, { description: 'Change fields (ticketUpdate).' })
  update!: boolean;
  @Field(() => Boolean, { description: 'Move to another department.' })
  move!: boolean;
  @Field(() => Boolean, { description: 'Merge into another ticket.' })
  merge!: boolean;
  @Field(() => Boolean, { description: 'Close or reopen.' })
  close!: boolean;
  @Field(() => Boolean, { description: 'Add an internal note.' })
  note!: boolean;
}

@AccessRule('Only tickets in departments the viewer may see (TicketQueryService); staff and API tokens only.')
@ObjectType('Ticket', { description: 'A ticket as staff see it, internal fields included. Customers never get this type.' })
export class TicketGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => Int, { description: 'Human-friendly number, unique in the tenant.' })
  number!: number;
  @Field(() => String, { description: 'Subject.' })
  subject!: string;
  @Field(() => TicketPriorityGql, { description: 'Priority.' })
  priority!: TicketPriorityGql;
  @Field(() => TicketChannelGql, { description: 'How it came in.' })
  channel!: TicketChannelGql;
  @Field(() => String, { nullable: true, description: 'Note the customer sees.' })
  customerNote!: string | null;
  @Field(() => String, { nullable: true, description: 'Note only staff see.' })
  internalNote!: string | null;
  @Field(() => String, { nullable: true, description: 'Expected processing date (YYYY-MM-DD), shown to the customer.' })
  expectedDate!: string | null;
  @Field(() => Int, { nullable: true, description: 'Estimated effort in minutes, shown to the customer.' })
  estimatedMinutes!: number | null;
  @Field(() => Date, { nullable: true, description: 'Processing started.' })
  processingStart!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Processing ended.' })
  processingEnd!: Date | null;
  @Field(() => Boolean, { description: 'The customer agreed to time tracking.' })
  timeTrackingAllowed!: boolean;
  @Field(() => Date, { description: 'Created.' })
  createdAt!: Date;
  @Field(() => Date, { description: 'Last changed.' })
  updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Last message from the customer.' })
  lastCustomerActivityAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last action by staff.' })
  lastAgentActivityAt!: Date | null;
  @Field(() => Date, { description: 'Last activity of anyone; the inbox sorts by it.' })
  lastActivityAt!: Date;
  @Field(() => Boolean, { description: 'Customer mail arrived that no staff member has opened yet (ticketMarkRead clears it).' })
  unread!: boolean;
  @Field(() => Int, { description: 'Optimistic lock: pass it back to ticketUpdate.' })
  version!: number;

  /** Kept for the field resolvers; not exposed. */
  entity!: ITicket;
}

export function toTicketGql(ticket: ITicket): TicketGql {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    priority: ticket.priority as number as TicketPriorityGql,
    channel: ticket.channel as TicketChannelGql,
    customerNote: ticket.customerNote ?? null,
    internalNote: ticket.internalNote ?? null,
    expectedDate: ticket.expectedDate ?? null,
    estimatedMinutes: ticket.estimatedMinutes ?? null,
    processingStart: ticket.processingStart ?? null,
    processingEnd: ticket.processingEnd ?? null,
    timeTrackingAllowed: ticket.timeTrackingAllowed,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    lastCustomerActivityAt: ticket.lastCustomerActivityAt ?? null,
    lastAgentActivityAt: ticket.lastAgentActivityAt ?? null,
    lastActivityAt: ticket.lastActivityAt,
    unread: ticket.unread,
    version: ticket.version,
    entity: ticket,
  };
}

@AccessRule('History of tickets the viewer may see.')
@ObjectType('TicketHistoryEntry', { description: 'One change of a ticket.' })
export class TicketHistoryEntryGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => Date, { description: 'When.' })
  at!: Date;
  @Field(() => StaffRefGql, { nullable: true, description: 'Who, when a staff member.' })
  actor!: StaffRefGql | null;
  @Field(() => String, { nullable: true, description: 'Who, when not a staff member (e.g. "API token").' })
  actorLabel!: string | null;
  @Field(() => String, { description: 'What changed: created, status, priority, handlerId, department, subject, …' })
  field!: string;
  @Field(() => String, { nullable: true, description: 'Before.' })
  oldValue!: string | null;
  @Field(() => String, { nullable: true, description: 'After.' })
  newValue!: string | null;

  actorUserId!: string | null;
}

export function toHistoryGql(entry: ITicketHistory): TicketHistoryEntryGql {
  return {
    id: entry.id,
    at: entry.at,
    actor: null,
    actorLabel: entry.actorLabel ?? null,
    field: entry.field,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue ?? null,
    actorUserId: entry.actorUserId ?? null,
  };
}

@AccessRule('Only on tickets the viewer may see.')
@ObjectType('PageInfo', { description: 'Where a page ends.' })
export class PageInfoGql {
  @Field(() => Boolean, { description: 'More after this page.' })
  hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

@AccessRule('Only tickets the viewer may see.')
@ObjectType('TicketEdge', { description: 'A ticket in a list.' })
export class TicketEdgeGql {
  @Field(() => String, { description: 'Position for pagination.' })
  cursor!: string;
  @Field(() => TicketGql, { description: 'The ticket.' })
  node!: TicketGql;
  @Field(() => String, { nullable: true, description: 'When searching: the matching text, HTML-escaped, matches wrapped in <mark>.' })
  snippet!: string | null;
}

@AccessRule('Only tickets the viewer may see; totalCount counts only those.')
@ObjectType('TicketConnection', { description: 'A page of tickets.' })
export class TicketConnectionGql {
  @Field(() => [TicketEdgeGql], { description: 'The tickets of this page.' })
  edges!: TicketEdgeGql[];
  @Field(() => PageInfoGql, { description: 'Pagination.' })
  pageInfo!: PageInfoGql;
  @Field(() => Int, { description: 'All tickets matching the filter that the viewer may see, counted up to a bound (see totalCountExact).' })
  totalCount!: number;
  @Field(() => Boolean, {
    description:
      'False when totalCount is a lower limit: a list matched more than 1,000 tickets, or a search more than it ranks (1,000 matches per source; for words in very many messages, the newest 150 matching tickets).',
  })
  totalCountExact!: boolean;
}

@AccessRule('Counts over departments the viewer may see only.')
@ObjectType('TicketCount', { description: 'How many tickets of a department have a status.' })
export class TicketCountGql {
  @Field(() => ID, { description: 'Department.' })
  departmentId!: string;
  @Field(() => ID, { description: 'Status.' })
  statusId!: string;
  @Field(() => Int, { description: 'Number of tickets.' })
  count!: number;
}

@AccessRule('Delivered only to receivers who may see the ticket, re-checked per event.')
@ObjectType('TicketChange', { description: 'A ticket was created or changed.' })
export class TicketChangeGql {
  @Field(() => ChangeKind, { description: 'What happened.' })
  kind!: ChangeKind;
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => TicketGql, {
    nullable: true,
    description: "The ticket as the receiver may see it now; null when it just left the receiver's reach (moved away).",
  })
  ticket!: TicketGql | null;
}

@AccessRule('Presence on tickets the viewer may see; staff only.')
@ObjectType('PresenceEntry', { description: 'Someone in a ticket.' })
export class PresenceEntryGql {
  @Field(() => StaffRefGql, { description: 'Who.' })
  user!: StaffRefGql;
  @Field(() => PresenceStateGql, { description: 'Viewing or typing.' })
  state!: PresenceStateGql;
}

@AccessRule('Presence on tickets the viewer may see; staff only.')
@ObjectType('TicketPresence', { description: 'Everyone currently in a ticket.' })
export class TicketPresenceGql {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => [PresenceEntryGql], { description: 'Who is viewing or typing, the receiver included.' })
  entries!: PresenceEntryGql[];
}
