import { Field, ID, InputType, Int } from 'type-graphql';
import { QuoteStatusGql } from './time.types.js';

@InputType({ description: 'Time spent on a ticket.' })
export class TimeEntryCreateInput {
  @Field(() => ID, { description: 'The ticket (its customer must have allowed time tracking).' })
  ticketId!: string;
  @Field(() => Int, { description: 'Whole minutes, 1 to 1440.' })
  minutes!: number;
  @Field(() => String, { nullable: true, description: 'The day, YYYY-MM-DD (default today).' })
  date?: string | null;
  @Field(() => String, { nullable: true, description: 'What was done.' })
  note?: string | null;
}

@InputType({ description: 'Changes to an unbilled time entry; omitted fields stay.' })
export class TimeEntryUpdateInput {
  @Field(() => ID, { description: 'The entry.' })
  id!: string;
  @Field(() => Int, { description: 'The version you edited (optimistic lock).' })
  version!: number;
  @Field(() => Int, { nullable: true, description: 'Whole minutes, 1 to 1440.' })
  minutes?: number | null;
  @Field(() => String, { nullable: true, description: 'The day, YYYY-MM-DD.' })
  date?: string | null;
  @Field(() => String, { nullable: true, description: 'What was done.' })
  note?: string | null;
}

@InputType({ description: 'Which quotes to list.' })
export class QuoteFilterInput {
  @Field(() => QuoteStatusGql, { nullable: true, description: 'Only this status.' })
  status?: QuoteStatusGql | null;
  @Field(() => ID, { nullable: true, description: 'Only this customer.' })
  customerId?: string | null;
}

@InputType({ description: 'A new status for a quote.' })
export class QuoteStatusUpdateInput {
  @Field(() => ID, { description: 'The quote.' })
  id!: string;
  @Field(() => Int, { description: 'The version you saw (optimistic lock).' })
  version!: number;
  @Field(() => QuoteStatusGql, { description: 'Draft → sent → accepted or rejected; accepted and rejected are final.' })
  status!: QuoteStatusGql;
}
