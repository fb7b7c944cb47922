import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, forbidden, notFound } from '../../graphql/errors.js';
import { sql, timestamp } from '../../infra/sql.js';
import { pgArray } from '../tickets/ticket.filter.js';
import type { TresenPubSub } from '../../realtime/pubsub.js';
import { timerTopic } from '../../realtime/topics.js';
import { isUuid } from '../../shared/ids.js';
import { isCustomerSide, type StaffViewer, type UserViewer } from '../auth/viewer.js';
import { Ticket, type ITicket } from '../tickets/ticket.entity.js';
import type { TicketQueryService } from '../tickets/ticket-query.service.js';
import { validateDate } from '../tickets/ticket.rules.js';
import { TimeEntry, type ITimeEntry } from './time.entity.js';

export interface TimeEntryFields {
  minutes?: number | null;
  date?: string | null;
  note?: string | null;
}

export interface RunningTimer {
  ticketId: string;
  ticketNumber: number;
  ticketSubject: string;
  userId: string;
  userName: string;
  startedAt: Date;
}

const NOTE_MAX = 2_000;
/** One entry is at most a day. */
const MINUTES_MAX = 1_440;

/**
 * Time on tickets: entries and timers. Time may be recorded only on tickets whose customer agreed
 * (timeTrackingAllowed). Agents see and change their own entries, admins all; billed entries are
 * final. Each staff member runs at most one timer: starting one on another ticket stops the
 * running one first (its time becomes an entry), in one transaction per person.
 */
export class TimeService {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: TicketQueryService,
    private readonly pubSub: TresenPubSub,
    /** IANA time zone that decides which day time belongs to (TRESEN_TIME_ZONE). */
    private readonly timeZone: string,
  ) {}

  async entries(viewer: StaffViewer, ticketId: string): Promise<ITimeEntry[]> {
    const ticket = await this.visibleTicket(viewer, ticketId);
    const where: Record<string, unknown> = { tenantId: viewer.tenantId, ticketId: ticket.id };
    if (viewer.type === 'user' && viewer.kind !== 'admin') where['userId'] = viewer.userId;
    return this.em.find(TimeEntry, where, { orderBy: { workDate: 'desc', createdAt: 'desc' } });
  }

  async create(viewer: UserViewer, ticketId: string, input: TimeEntryFields): Promise<ITimeEntry> {
    const ticket = await this.visibleTicket(viewer, ticketId);
    assertConsent(ticket);
    const minutes = checkedMinutes(input.minutes ?? null);
    const workDate = validateDate(input.date ?? today(this.timeZone), 'date') ?? today(this.timeZone);
    const note = checkedNote(input.note ?? '');
    const group = await this.billingGroup(viewer.tenantId, viewer.userId);
    const now = new Date();
    const entry = this.em.create(TimeEntry, {
      tenantId: viewer.tenantId,
      ticketId: ticket.id,
      userId: viewer.userId,
      userGroupId: group,
      minutes,
      workDate,
      note,
      createdAt: now,
      updatedAt: now,
    });
    await this.em.flush();
    await this.changed(ticket);
    return entry;
  }

  async update(viewer: UserViewer, id: string, version: number, input: TimeEntryFields): Promise<ITimeEntry> {
    const { entry, ticket } = await this.editable(viewer, id);
    if (entry.version !== version) throw new DomainError(ErrorCode.Conflict, 'Someone else changed this entry meanwhile. Reload it and try again.', 'version');
    if (input.minutes !== undefined && input.minutes !== null) entry.minutes = checkedMinutes(input.minutes);
    if (input.date !== undefined && input.date !== null) entry.workDate = validateDate(input.date, 'date') ?? entry.workDate;
    if (input.note !== undefined && input.note !== null) entry.note = checkedNote(input.note);
    entry.updatedAt = new Date();
    await this.em.flush();
    await this.changed(ticket);
    return entry;
  }

  async delete(viewer: UserViewer, id: string): Promise<string> {
    const { entry, ticket } = await this.editable(viewer, id);
    this.em.remove(entry);
    await this.em.flush();
    await this.changed(ticket);
    return id;
  }

  /** Starts the viewer's timer on a ticket (idempotent); a timer running elsewhere is stopped first. */
  async start(viewer: UserViewer, ticketId: string): Promise<RunningTimer> {
    const ticket = await this.visibleTicket(viewer, ticketId);
    assertConsent(ticket);
    const outcome = await this.em.transactional(async (em) => {
      await sql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`timer:${viewer.tenantId}:${viewer.userId}`]);
      const [running] = await sql<{ ticket_id: string; started_at: Date | string }>(
        em,
        'select ticket_id, started_at from timers where tenant_id = ? and user_id = ?',
        [viewer.tenantId, viewer.userId],
      );
      // The timer as this start leaves it, read under the lock: a start an instant later (another tab)
      // may already have replaced it by the time this one answers, which is not an error of this start.
      const mine = () => this.timersWhere('r.tenant_id = ? and r.user_id = ?', [viewer.tenantId, viewer.userId], em);
      if (running?.ticket_id === ticket.id) return { previous: null, started: false, timer: (await mine())[0]! };
      let previous: string | null = null;
      if (running) {
        await this.stopInside(em, viewer, running.ticket_id, timestamp(running.started_at));
        previous = running.ticket_id;
      }
      await sql(em, 'insert into timers (tenant_id, user_id, ticket_id, started_at) values (?, ?, ?, now())', [viewer.tenantId, viewer.userId, ticket.id]);
      return { previous, started: true, timer: (await mine())[0]! };
    });
    if (outcome.previous) {
      await this.publishTimer(viewer.tenantId, outcome.previous, viewer.userId, false);
      // Its time changed too (the stopped timer became an entry there).
      const previous = await this.em.findOne(Ticket, { tenantId: viewer.tenantId, id: outcome.previous });
      if (previous) await this.changed(previous);
    }
    if (outcome.started) await this.publishTimer(viewer.tenantId, ticket.id, viewer.userId, true);
    return outcome.timer;
  }

  /** Stops the viewer's timer on a ticket; its time (rounded to the minute, at least 1) becomes an entry. */
  async stop(viewer: UserViewer, ticketId: string): Promise<ITimeEntry> {
    const ticket = await this.visibleTicket(viewer, ticketId);
    const entryId = await this.em.transactional(async (em) => {
      await sql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`timer:${viewer.tenantId}:${viewer.userId}`]);
      const [running] = await sql<{ started_at: Date | string }>(em, 'select started_at from timers where tenant_id = ? and user_id = ? and ticket_id = ?', [
        viewer.tenantId,
        viewer.userId,
        ticket.id,
      ]);
      if (!running) throw fieldError('ticketId', 'No timer of yours runs on this ticket.');
      return this.stopInside(em, viewer, ticket.id, timestamp(running.started_at));
    });
    await this.publishTimer(viewer.tenantId, ticket.id, viewer.userId, false);
    await this.changed(ticket);
    return this.em.findOneOrFail(TimeEntry, { tenantId: viewer.tenantId, id: entryId });
  }

  /** The viewer's running timers (at most one). */
  async running(viewer: UserViewer): Promise<RunningTimer[]> {
    return this.timersWhere('r.tenant_id = ? and r.user_id = ?', [viewer.tenantId, viewer.userId]);
  }

  /** Every running timer on a ticket (for the live ticker), for viewers who may see it. */
  async runningOnTicket(tenantId: string, ticketId: string): Promise<RunningTimer[]> {
    return this.timersWhere('r.tenant_id = ? and r.ticket_id = ?', [tenantId, ticketId]);
  }

  /** Total and unbilled minutes of tickets, by id. */
  async totals(tenantId: string, ticketIds: readonly string[]): Promise<Map<string, { total: number; unbilled: number }>> {
    const rows = await sql<{ ticket_id: string; total: string; unbilled: string }>(
      this.em,
      `select ticket_id, sum(minutes) as total, coalesce(sum(minutes) filter (where quote_id is null), 0) as unbilled
         from time_entries where tenant_id = ? and ticket_id = any(?::uuid[]) group by ticket_id`,
      [tenantId, pgArray(ticketIds)],
    );
    return new Map(rows.map((r) => [r.ticket_id, { total: Number(r.total), unbilled: Number(r.unbilled) }]));
  }

  private async stopInside(em: EntityManager, viewer: UserViewer, ticketId: string, startedAt: Date): Promise<string> {
    const seconds = Math.max(0, (Date.now() - startedAt.getTime()) / 1000);
    const minutes = Math.min(MINUTES_MAX, Math.max(1, Math.round(seconds / 60)));
    const note = seconds / 60 > MINUTES_MAX ? 'Timer ran longer than 24 hours; recorded as 24 hours.' : '';
    await sql(em, 'delete from timers where tenant_id = ? and user_id = ?', [viewer.tenantId, viewer.userId]);
    const group = await this.billingGroup(viewer.tenantId, viewer.userId, em);
    const [row] = await sql<{ id: string }>(
      em,
      `insert into time_entries (id, tenant_id, ticket_id, user_id, user_group_id, minutes, work_date, note, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, (?::timestamptz at time zone ?)::date, ?, now(), now()) returning id`,
      [viewer.tenantId, ticketId, viewer.userId, group, minutes, startedAt, this.timeZone, note],
    );
    return row!.id;
  }

  private async timersWhere(where: string, params: unknown[], em: EntityManager = this.em): Promise<RunningTimer[]> {
    const rows = await sql<{ ticket_id: string; number: number; subject: string; user_id: string; name: string; started_at: Date | string }>(
      em,
      `select r.ticket_id, t.number, t.subject, r.user_id, u.name, r.started_at from timers r
         join tickets t on t.tenant_id = r.tenant_id and t.id = r.ticket_id join users u on u.tenant_id = r.tenant_id and u.id = r.user_id
        where ${where} order by r.started_at`,
      params,
    );
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      ticketNumber: r.number,
      ticketSubject: r.subject,
      userId: r.user_id,
      userName: r.name,
      startedAt: timestamp(r.started_at),
    }));
  }

  /** The group a person's time is billed at: their highest-rate group (by name on a tie); null when in none. */
  private async billingGroup(tenantId: string, userId: string, em: EntityManager = this.em): Promise<string | null> {
    const [row] = await sql<{ id: string }>(
      em,
      `select g.id from user_group_members m join user_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
        where m.tenant_id = ? and m.user_id = ? order by g.hourly_rate_cents desc, g.name limit 1`,
      [tenantId, userId],
    );
    return row?.id ?? null;
  }

  private async editable(viewer: UserViewer, id: string): Promise<{ entry: ITimeEntry; ticket: ITicket }> {
    const entry = isUuid(id) ? await this.em.findOne(TimeEntry, { tenantId: viewer.tenantId, id }) : null;
    const ticket = entry ? await this.tickets.findVisible(viewer, entry.ticketId) : null;
    if (!entry || !ticket || (viewer.kind !== 'admin' && entry.userId !== viewer.userId)) throw notFound('Time entry');
    if (entry.quoteId) throw fieldError('id', 'This time is billed (on a quote) and cannot change any more.');
    return { entry, ticket };
  }

  private async visibleTicket(viewer: StaffViewer, id: string): Promise<ITicket> {
    if (isCustomerSide(viewer)) throw forbidden();
    const ticket = await this.tickets.findVisible(viewer, id);
    if (!ticket) throw new DomainError(ErrorCode.NotFound, 'Ticket not found.', 'ticketId');
    return ticket;
  }

  private async changed(ticket: ITicket): Promise<void> {
    await this.pubSub.publish('ticketChanged', ticket.tenantId, {
      kind: 'UPDATED',
      ticketId: ticket.id,
      departmentId: ticket.departmentId,
      previousDepartmentId: null,
    });
  }

  private async publishTimer(tenantId: string, ticketId: string, userId: string, running: boolean): Promise<void> {
    await this.pubSub.publish('timerChanged', timerTopic(tenantId, ticketId), { ticketId, userId, running });
  }
}

function assertConsent(ticket: ITicket): void {
  if (!ticket.timeTrackingAllowed)
    throw fieldError(
      'ticketId',
      'The customer has not allowed time tracking on this ticket. Tick "time tracking allowed" on the ticket first, once they agreed.',
    );
}

function checkedMinutes(minutes: number | null): number {
  if (minutes === null || !Number.isInteger(minutes) || minutes < 1 || minutes > MINUTES_MAX)
    throw fieldError('minutes', `Enter whole minutes from 1 to ${MINUTES_MAX}.`);
  return minutes;
}

function checkedNote(raw: string): string {
  const note = raw.replaceAll('\u0000', '').trim();
  if (note.length > NOTE_MAX) throw fieldError('note', `The note must be at most ${NOTE_MAX} characters long.`);
  return note;
}

/** Today's date (YYYY-MM-DD) in the given time zone. */
export function today(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
