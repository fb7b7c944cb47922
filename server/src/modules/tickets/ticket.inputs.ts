import { Field, ID, InputType, Int } from 'type-graphql';
import { OrderDirectionGql, PresenceStateGql, StatusCategoryGql, TicketChannelGql, TicketOrderFieldGql, TicketPriorityGql } from './ticket.types.js';

@InputType('TicketFilter', { description: 'Which tickets to list; all fields optional and combined with AND.' })
export class TicketFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'Only tickets with time not yet billed (true).' })
  unbilledTime?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Only these departments (of those the viewer may see).' })
  departmentIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Only these statuses.' })
  statusIds?: string[] | null;
  @Field(() => [StatusCategoryGql], { nullable: true, description: 'Only these status categories.' })
  statusCategories?: StatusCategoryGql[] | null;
  @Field(() => [TicketPriorityGql], { nullable: true, description: 'Only these priorities.' })
  priorities?: TicketPriorityGql[] | null;
  @Field(() => [ID], { nullable: true, description: 'Only tickets handled by these staff members.' })
  handlerIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only tickets without a handler (or, with handlerIds, those too).' })
  unassigned?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only tickets the viewer watches.' })
  watchedByMe?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only tickets of this customer (main or further customer).' })
  customerId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  createdFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created before.' })
  createdTo?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Changed at or after.' })
  updatedFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Changed before.' })
  updatedTo?: Date | null;
  @Field(() => String, { nullable: true, description: 'Free text over subject, messages and customer; ranked, up to 500 characters.' })
  search?: string | null;
}

@InputType('TicketOrder', { description: 'Sort order; searches are ranked by relevance instead.' })
export class TicketOrderInput {
  @Field(() => TicketOrderFieldGql, { defaultValue: TicketOrderFieldGql.LAST_ACTIVITY, description: 'Sort field.' })
  field!: TicketOrderFieldGql;
  @Field(() => OrderDirectionGql, { defaultValue: OrderDirectionGql.DESC, description: 'Direction.' })
  direction!: OrderDirectionGql;
}

@InputType({ description: 'A ticket opened by staff: on behalf of a customer, or from a phone call.' })
export class TicketCreateInput {
  @Field(() => String, { description: 'Subject, 1 to 250 characters.' })
  subject!: string;
  @Field(() => ID, { description: 'Department (one the viewer may see).' })
  departmentId!: string;
  @Field(() => TicketPriorityGql, { defaultValue: TicketPriorityGql.NORMAL, description: 'Priority.' })
  priority!: TicketPriorityGql;
  @Field(() => TicketChannelGql, { defaultValue: TicketChannelGql.PHONE, description: 'How it came in.' })
  channel!: TicketChannelGql;
  @Field(() => ID, { nullable: true, description: 'The customer.' })
  customerId?: string | null;
  @Field(() => ID, { nullable: true, description: "The customer's contact (sets the customer too)." })
  contactId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Handler (a member of Ticket-Support).' })
  handlerId?: string | null;
  @Field(() => String, { description: 'First message: what the customer said, or the note of the call.' })
  text!: string;
}

@InputType({ description: 'Changes to a ticket; omitted fields stay as they are. A stale version is a CONFLICT and changes nothing.' })
export class TicketUpdateInput {
  @Field(() => ID, { description: 'The ticket.' })
  id!: string;
  @Field(() => Int, { description: 'The version the change is based on.' })
  version!: number;
  @Field(() => String, { nullable: true, description: 'Subject.' })
  subject?: string | null;
  @Field(() => ID, { nullable: true, description: 'Status (not "merged": use ticketMerge).' })
  statusId?: string | null;
  @Field(() => TicketPriorityGql, { nullable: true, description: 'Priority.' })
  priority?: TicketPriorityGql | null;
  @Field(() => ID, { nullable: true, description: 'Handler (a member of Ticket-Support).' })
  handlerId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Remove the handler.' })
  clearHandler?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Watchers (replaces the previous set).' })
  watcherIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Main customer.' })
  customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Contact of the main customer.' })
  contactId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Remove the main customer and contact.' })
  clearCustomer?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Further customers (replaces the previous set).' })
  customerIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Note the customer sees (empty clears it).' })
  customerNote?: string | null;
  @Field(() => String, { nullable: true, description: 'Note only staff see (empty clears it).' })
  internalNote?: string | null;
  @Field(() => String, { nullable: true, description: 'Expected processing date, YYYY-MM-DD (empty clears it).' })
  expectedDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Estimated effort in minutes.' })
  estimatedMinutes?: number | null;
  @Field(() => Date, { nullable: true, description: 'Processing start.' })
  processingStart?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Processing end.' })
  processingEnd?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'The customer agreed to time tracking.' })
  timeTrackingAllowed?: boolean | null;
}

@InputType({ description: 'Move a ticket to another department.' })
export class TicketMoveInput {
  @Field(() => ID, { description: 'The ticket.' })
  id!: string;
  @Field(() => ID, { description: 'The department (one the viewer may see).' })
  departmentId!: string;
}

@InputType({ description: 'Merge one ticket into another.' })
export class TicketMergeInput {
  @Field(() => ID, { description: 'The ticket that goes away (becomes a pointer).' })
  sourceId!: string;
  @Field(() => ID, { description: 'The ticket that receives messages, watchers and customers.' })
  targetId!: string;
}

@InputType({ description: 'An internal note.' })
export class TicketNoteAddInput {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => String, { description: 'Text, 1 to 100,000 characters.' })
  text!: string;
  @Field(() => [ID], { nullable: true, description: 'Files uploaded before with POST /attachments (your own, not yet used).' })
  attachmentIds?: string[] | null;
}

@InputType({ description: 'Tell others you are viewing or typing in a ticket (or left).' })
export class TicketPresenceSetInput {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => PresenceStateGql, { description: 'Viewing, typing or left.' })
  state!: PresenceStateGql;
}

@InputType({ description: 'A status admins add next to the system ones.' })
export class TicketStatusCreateInput {
  @Field(() => String, { description: 'German label, 1 to 60 characters.' })
  labelDe!: string;
  @Field(() => String, { description: 'English label, 1 to 60 characters; also makes the key.' })
  labelEn!: string;
  @Field(() => StatusCategoryGql, { description: 'What it means for the inbox.' })
  category!: StatusCategoryGql;
}

@InputType({ description: 'Relabel a status; added statuses may also change their category.' })
export class TicketStatusUpdateInput {
  @Field(() => ID, { description: 'The status.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'German label.' })
  labelDe?: string | null;
  @Field(() => String, { nullable: true, description: 'English label.' })
  labelEn?: string | null;
  @Field(() => StatusCategoryGql, { nullable: true, description: 'Category (not for system statuses).' })
  category?: StatusCategoryGql | null;
}
