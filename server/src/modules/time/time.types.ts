import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import type { IQuote, IQuoteLine, ITimeEntry } from './time.entity.js';
import type { RunningTimer } from './time.service.js';

export enum QuoteStatusGql {
  DRAFT = 'draft',
  SENT = 'sent',
  ACCEPTED = 'accepted',
  REJECTED = 'rejected',
}
registerEnumType(QuoteStatusGql, { name: 'QuoteStatus', description: 'Draft, sent to the customer, accepted or rejected (the last two are final).' });

export enum TimerTickKindGql {
  STARTED = 'STARTED',
  TICK = 'TICK',
  STOPPED = 'STOPPED',
}
registerEnumType(TimerTickKindGql, { name: 'TimerTickKind', description: 'A timer started, is still running (once a second), or stopped.' });

@AccessRule('Staff who may see the ticket: agents their own entries, admins and API tokens all.')
@ObjectType('TimeEntry', { description: 'Time a staff member spent on a ticket.' })
export class TimeEntryGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => ID, { description: 'Who spent it.' })
  userId!: string;
  @Field(() => Int, { description: 'Minutes (1 to 1440).' })
  minutes!: number;
  @Field(() => String, { description: 'The day, YYYY-MM-DD.' })
  date!: string;
  @Field(() => String, { description: 'What was done.' })
  note!: string;
  @Field(() => Boolean, { description: 'On a quote already; billed time cannot change.' })
  billed!: boolean;
  @Field(() => ID, { nullable: true, description: 'The quote it is billed on.' })
  quoteId!: string | null;
  @Field(() => Int, { description: 'Optimistic lock: pass it back to timeEntryUpdate.' })
  version!: number;
  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt!: Date;
}

export function toTimeEntryGql(entry: ITimeEntry): TimeEntryGql {
  return {
    id: entry.id,
    ticketId: entry.ticketId,
    userId: entry.userId,
    minutes: entry.minutes,
    date: String(entry.workDate).slice(0, 10),
    note: entry.note,
    billed: entry.quoteId !== null && entry.quoteId !== undefined,
    quoteId: entry.quoteId ?? null,
    version: entry.version,
    createdAt: entry.createdAt,
  };
}

@AccessRule('The staff member whose timer it is.')
@ObjectType('Timer', { description: 'A running timer. Its start time is stored, so it survives reloads and restarts.' })
export class TimerGql {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => Int, { description: 'The ticket number.' })
  ticketNumber!: number;
  @Field(() => String, { description: 'The ticket subject.' })
  ticketSubject!: string;
  @Field(() => ID, { description: 'Whose timer.' })
  userId!: string;
  @Field(() => String, { description: 'Their name.' })
  userName!: string;
  @Field(() => Date, { description: 'When it started.' })
  startedAt!: Date;
  @Field(() => Int, { description: 'Seconds since it started, when this was read.' })
  elapsedSeconds!: number;
}

export function toTimerGql(timer: RunningTimer): TimerGql {
  return { ...timer, elapsedSeconds: Math.max(0, Math.floor((Date.now() - timer.startedAt.getTime()) / 1000)) };
}

@AccessRule('Delivered only to receivers who may see the ticket, re-checked on every start and stop and every 30 seconds.')
@ObjectType('TimerTick', { description: 'A timer on a ticket started, ticked (once a second) or stopped.', simpleResolvers: true })
export class TimerTickGql {
  @Field(() => TimerTickKindGql, { description: 'What happened.' })
  kind!: TimerTickKindGql;
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;
  @Field(() => ID, { description: 'Whose timer.' })
  userId!: string;
  @Field(() => String, { description: 'Their name.' })
  userName!: string;
  @Field(() => Date, { description: 'When it started.' })
  startedAt!: Date;
  @Field(() => Int, { description: 'Whole seconds since it started, computed from the stored start time.' })
  elapsedSeconds!: number;
}

@AccessRule('Admins.')
@ObjectType('QuoteLine', { description: 'The time of one ticket and one user group on a quote.' })
export class QuoteLineGql {
  @Field(() => ID, { nullable: true, description: 'The ticket (null when it was deleted).' })
  ticketId!: string | null;
  @Field(() => Int, { description: 'Ticket number.' })
  ticketNumber!: number;
  @Field(() => String, { description: 'Ticket subject when billed.' })
  ticketSubject!: string;
  @Field(() => String, { description: 'User group whose rate applies.' })
  groupName!: string;
  @Field(() => Int, { description: 'Minutes.' })
  minutes!: number;
  @Field(() => String, { description: 'Hours, two decimals (minutes / 60, rounded half up), for display.' })
  hours!: string;
  @Field(() => Int, { description: 'Hourly rate in cents.' })
  rateCents!: number;
  @Field(() => Int, { description: 'minutes × rate / 60, rounded half up to the cent.' })
  amountCents!: number;
}

export function toQuoteLineGql(line: IQuoteLine, hoursOf: (minutes: number) => string): QuoteLineGql {
  return {
    ticketId: line.ticketId ?? null,
    ticketNumber: line.ticketNumber,
    ticketSubject: line.ticketSubject,
    groupName: line.groupName,
    minutes: line.minutes,
    hours: hoursOf(line.minutes),
    rateCents: line.rateCents,
    amountCents: Number(line.amountCents),
  };
}

@AccessRule('Admins.')
@ObjectType('Quote', { description: 'A quote (Angebot) for a customer, made from unbilled time.' })
export class QuoteGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;
  @Field(() => Int, { description: 'Number, per tenant.' })
  number!: number;
  @Field(() => ID, { nullable: true, description: 'The customer.' })
  customerId!: string | null;
  @Field(() => String, { description: 'Customer name when billed.' })
  customerName!: string;
  @Field(() => QuoteStatusGql, { description: 'Status.' })
  status!: QuoteStatusGql;
  @Field(() => String, { description: 'Currency (EUR).' })
  currency!: string;
  @Field(() => Int, { description: 'Total in cents: the sum of the lines.' })
  totalCents!: number;
  @Field(() => String, { description: 'CSV download (same origin; admins).' })
  csvUrl!: string;
  @Field(() => Int, { description: 'Optimistic lock: pass it back to quoteUpdateStatus.' })
  version!: number;
  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  tenantId!: string;
}

export function toQuoteGql(quote: IQuote): QuoteGql {
  return {
    id: quote.id,
    number: quote.number,
    customerId: quote.customerId ?? null,
    customerName: quote.customerName,
    status: quote.status as QuoteStatusGql,
    currency: quote.currency,
    totalCents: Number(quote.totalCents),
    csvUrl: `/quotes/${quote.id}.csv`,
    version: quote.version,
    createdAt: quote.createdAt,
    tenantId: quote.tenantId,
  };
}
