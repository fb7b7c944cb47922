import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import { StatusCategoryGql, TicketPriorityGql } from '../tickets/ticket.types.js';
import type { PortalMessageView, PortalTicketView } from './portal-ticket.service.js';
import { customerStatusLabel } from './portal-status.js';

/*
 * The customer's own types (DESIGN.md §4): nothing here is shared with the agents' types, so an
 * internal field added there can never appear in the portal.
 */

@AccessRule('The signed-in contact themself.')
@ObjectType('PortalMe', { description: 'The contact signed in to the portal.' })
export class PortalMeGql {
  @Field(() => ID, { description: 'Contact id.' })
  contactId!: string;

  @Field(() => String, { description: "The contact's name." })
  name!: string;

  @Field(() => String, { description: "The contact's e-mail address." })
  email!: string;

  @Field(() => String, { description: 'The customer (company or person) the contact belongs to.' })
  customerName!: string;

  @Field(() => String, { description: 'The helpdesk (tenant) name.' })
  helpdeskName!: string;

  @Field(() => Boolean, { description: 'The contact may see and answer all tickets of their customer, not only their own.' })
  seesCustomerTickets!: boolean;

  @Field(() => Int, { nullable: true, description: 'Set when this session was opened by a ticket link: it shows only this ticket (its number).' })
  onlyTicketNumber!: number | null;

  @Field(() => Boolean, { description: 'An admin views the portal as this contact: nothing can be changed.' })
  readOnly!: boolean;
}

@AccessRule('Contacts of the tenant (public departments).')
@ObjectType('PortalDepartment', { description: 'A department customers can write to.' })
export class PortalDepartmentGql {
  @Field(() => ID, { description: 'Department id.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => Boolean, { description: 'Customers may choose the priority of a new ticket here.' })
  allowsPriority!: boolean;
}

@AccessRule('Contacts who may see the ticket.')
@ObjectType('PortalRating', { description: "The customer's rating of a closed ticket." })
export class PortalRatingGql {
  @Field(() => Boolean, { description: 'Good (true) or bad (false).' })
  good!: boolean;

  @Field(() => String, { description: 'Comment, possibly empty.' })
  comment!: string;
}

@AccessRule('Contacts who may see the ticket.')
@ObjectType('PortalAttachment', { description: 'A file of a public message; download it from /portal/attachments/<id>.' })
export class PortalAttachmentGql {
  @Field(() => ID, { description: 'Attachment id.' })
  id!: string;

  @Field(() => String, { description: 'File name.' })
  filename!: string;

  @Field(() => String, { description: 'MIME type.' })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;
}

@AccessRule('Contacts who may see the ticket; internal notes and automatic mail are never among them.')
@ObjectType('PortalMessage', { description: 'A message of the ticket: what the customer wrote or what the team answered.' })
export class PortalMessageGql {
  @Field(() => ID, { description: 'Message id.' })
  id!: string;

  @Field(() => Boolean, { description: 'Written by the customer side (true) or by the team (false).' })
  fromCustomer!: boolean;

  @Field(() => String, { nullable: true, description: 'Who wrote it (the contact, or the team member who answered).' })
  authorName!: string | null;

  @Field(() => String, { description: 'Plain text.' })
  bodyText!: string;

  @Field(() => String, { nullable: true, description: 'Sanitized HTML, when the mail had it.' })
  bodyHtml!: string | null;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;

  @Field(() => [PortalAttachmentGql], { description: 'Its files.' })
  attachments!: PortalAttachmentGql[];
}

@AccessRule("Contacts who may see the ticket (own tickets; with the right, their customer's); never private departments.")
@ObjectType('PortalTicket', { description: 'A ticket as the customer sees it: no internal notes, internal fields or handler data.' })
export class PortalTicketGql {
  @Field(() => ID, { description: 'Ticket id.' })
  id!: string;

  @Field(() => Int, { description: 'Ticket number.' })
  number!: number;

  @Field(() => String, { description: 'Subject.' })
  subject!: string;

  @Field(() => StatusCategoryGql, { description: 'Open, pending (waiting) or closed.' })
  statusCategory!: StatusCategoryGql;

  @Field(() => String, { description: 'The status as the customer reads it, German.' })
  statusLabelDe!: string;

  @Field(() => String, { description: 'The status as the customer reads it, English.' })
  statusLabelEn!: string;

  @Field(() => TicketPriorityGql, { description: 'Priority.' })
  priority!: TicketPriorityGql;

  @Field(() => String, { description: 'The department that handles it.' })
  departmentName!: string;

  @Field(() => Date, { description: 'Opened.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'Last activity.' })
  lastActivityAt!: Date;

  @Field(() => String, { nullable: true, description: 'A note from the team for the customer.' })
  customerNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Expected processing date (YYYY-MM-DD).' })
  expectedDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Estimated effort in minutes.' })
  estimatedMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes spent so far; only when the customer agreed to time tracking.' })
  minutesSpent!: number | null;

  @Field(() => String, { nullable: true, description: 'The contact who opened it.' })
  openedByName!: string | null;

  @Field(() => Boolean, { description: "The signed-in contact opened it (false for a colleague's ticket)." })
  isOwn!: boolean;

  @Field(() => PortalRatingGql, { nullable: true, description: "The customer's rating, once given." })
  rating!: PortalRatingGql | null;

  @Field(() => Boolean, { description: 'It can be rated now (it is closed).' })
  canRate!: boolean;
}

export function toPortalTicketGql(view: PortalTicketView): PortalTicketGql {
  const label = customerStatusLabel(view.statusKey, view.statusCategory);
  return {
    id: view.id,
    number: view.number,
    subject: view.subject,
    statusCategory: view.statusCategory as StatusCategoryGql,
    statusLabelDe: label.de,
    statusLabelEn: label.en,
    priority: view.priority as number as TicketPriorityGql,
    departmentName: view.departmentName,
    createdAt: view.createdAt,
    lastActivityAt: view.lastActivityAt,
    customerNote: view.customerNote,
    expectedDate: view.expectedDate,
    estimatedMinutes: view.estimatedMinutes,
    minutesSpent: view.minutesSpent,
    openedByName: view.openedByName,
    isOwn: view.isOwn,
    rating: view.rating,
    canRate: view.statusCategory === 'closed' && view.statusKey !== 'merged',
  };
}

export function toPortalMessageGql(view: PortalMessageView): PortalMessageGql {
  return { ...view, attachments: view.attachments.map((a) => ({ ...a })) };
}

@AccessRule('The signed-in contact.')
@ObjectType('PortalTicketConnection', { description: 'A page of portal tickets.' })
export class PortalTicketConnectionGql {
  @Field(() => [PortalTicketGql], { description: 'The tickets, newest activity first.' })
  nodes!: PortalTicketGql[];

  @Field(() => Boolean, { description: 'There are more.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

@AccessRule('Anyone with the link.')
@ObjectType('PortalTicketLinkResult', { description: 'What a ticket link opened.' })
export class PortalTicketLinkResultGql {
  @Field(() => Int, { description: 'The number of the ticket the link opens.' })
  ticketNumber!: number;

  @Field(() => PortalMeGql, { description: 'The contact the link signs in (possibly only for this ticket).' })
  me!: PortalMeGql;
}

@AccessRule('Contacts who may see the ticket.')
@ObjectType('PortalTicketEvent', { description: 'A ticket of the contact changed or got a public message: load it again.' })
export class PortalTicketEventGql {
  @Field(() => ID, { description: 'Ticket id.' })
  ticketId!: string;

  @Field(() => PortalTicketGql, { nullable: true, description: 'The ticket as it is now.' })
  ticket!: PortalTicketGql | null;
}
