import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { TicketPriorityGql } from '../tickets/ticket.types.js';

export enum PortalTicketStateGql {
  OPEN = 'open',
  CLOSED = 'closed',
  ALL = 'all',
}
registerEnumType(PortalTicketStateGql, { name: 'PortalTicketState', description: 'Open (incl. waiting) tickets, closed ones, or all.' });

@InputType('PortalTicketFilter', { description: "Which of the contact's tickets." })
export class PortalTicketFilterInput {
  @Field(() => PortalTicketStateGql, { defaultValue: PortalTicketStateGql.ALL, description: 'Open, closed or all (default).' })
  state!: PortalTicketStateGql;

  @Field(() => String, { nullable: true, description: 'Words in the subject or the public messages, or a ticket number (#123).' })
  search?: string | null;
}

@InputType('PortalTicketCreateInput', { description: 'A new request from the customer.' })
export class PortalTicketCreateInput {
  @Field(() => ID, { description: 'A public department (portalDepartments).' })
  departmentId!: string;

  @Field(() => String, { description: 'Subject, 1 to 250 characters.' })
  subject!: string;

  @Field(() => String, { description: 'The message.' })
  text!: string;

  @Field(() => TicketPriorityGql, { nullable: true, description: 'Only where the department allows customers to choose it; otherwise normal.' })
  priority?: TicketPriorityGql | null;

  @Field(() => [ID], { nullable: true, description: 'Files uploaded before with POST /portal/attachments.' })
  attachmentIds?: string[] | null;
}

@InputType('PortalTicketReplyInput', { description: "The customer's answer." })
export class PortalTicketReplyInput {
  @Field(() => ID, { description: 'Ticket id.' })
  ticketId!: string;

  @Field(() => String, { description: 'The message.' })
  text!: string;

  @Field(() => [ID], { nullable: true, description: 'Files uploaded before with POST /portal/attachments.' })
  attachmentIds?: string[] | null;
}

@InputType('PortalTicketRateInput', { description: 'A rating of a closed ticket.' })
export class PortalTicketRateInput {
  @Field(() => ID, { description: 'Ticket id.' })
  ticketId!: string;

  @Field(() => Boolean, { description: 'Good (true) or bad (false).' })
  good!: boolean;

  @Field(() => String, { nullable: true, description: 'Comment, at most 2,000 characters.' })
  comment?: string | null;
}
