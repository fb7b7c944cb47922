import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, fieldError, notFound } from '../../graphql/errors.js';
import { sql } from '../../infra/sql.js';
import type { TresenPubSub } from '../../realtime/pubsub.js';
import { isUuid } from '../../shared/ids.js';
import type { StaffViewer } from '../auth/viewer.js';
import type { TicketQueryService } from '../tickets/ticket-query.service.js';
import { pgArray } from '../tickets/ticket.filter.js';
import { amountCents, csvCell, hours } from './money.js';
import { Quote, QuoteLine, type IQuote, type IQuoteLine, type QuoteStatus } from './time.entity.js';

export interface QuoteFilter {
  status?: QuoteStatus | null;
  customerId?: string | null;
}

const BILL_MAX = 500;
const LIST_MAX = 200;
/** Where a quote may go from each status. Accepted and rejected are final. */
const NEXT: Record<QuoteStatus, QuoteStatus[]> = { draft: ['sent', 'rejected'], sent: ['accepted', 'rejected', 'draft'], accepted: [], rejected: [] };

interface UnbilledRow {
  id: string;
  ticket_id: string;
  department_id: string;
  number: number;
  subject: string;
  customer_id: string | null;
  customer_name: string | null;
  minutes: number;
  user_group_id: string | null;
  group_name: string | null;
  rate_cents: number | null;
}

/**
 * Billing: unbilled time of chosen tickets becomes one quote per customer, a line per ticket and
 * user group, and exactly that time is marked billed in the same transaction. The entries are
 * locked first, so two admins billing the same ticket at once bill its time once.
 */
export class BillingService {
  constructor(
    private readonly em: EntityManager,
    private readonly tickets: TicketQueryService,
    private readonly pubSub: TresenPubSub,
  ) {}

  async bill(viewer: StaffViewer, ticketIds: readonly string[]): Promise<IQuote[]> {
    const ids = [...new Set(ticketIds)];
    if (ids.length === 0) throw fieldError('ticketIds', 'Choose at least one ticket.');
    if (ids.length > BILL_MAX) throw fieldError('ticketIds', `At most ${BILL_MAX} tickets at once.`);
    if (ids.some((id) => !isUuid(id))) throw new DomainError(ErrorCode.NotFound, 'Ticket not found.', 'ticketIds');
    const visible = await this.tickets.visibleDepartmentIds(viewer);
    const createdBy = viewer.type === 'user' ? viewer.userId : null;
    const result = await this.em.transactional(async (em) => {
      const found = await sql<{ id: string }>(em, 'select id from tickets where tenant_id = ? and id = any(?::uuid[]) and department_id = any(?::uuid[])', [
        viewer.tenantId,
        pgArray(ids),
        pgArray(visible),
      ]);
      if (found.length !== ids.length) throw new DomainError(ErrorCode.NotFound, 'Ticket not found.', 'ticketIds');
      // Lock the unbilled entries; a concurrent bill waits here and then finds them billed.
      const rows = await sql<UnbilledRow>(
        em,
        `select e.id, e.ticket_id, t.department_id, t.number, t.subject, t.customer_id, c.name as customer_name, e.minutes, e.user_group_id, g.name as group_name, g.hourly_rate_cents as rate_cents
           from time_entries e
           join tickets t on t.tenant_id = e.tenant_id and t.id = e.ticket_id
           left join customers c on c.tenant_id = t.tenant_id and c.id = t.customer_id
           left join user_groups g on g.tenant_id = e.tenant_id and g.id = e.user_group_id
          where e.tenant_id = ? and e.ticket_id = any(?::uuid[]) and e.quote_id is null
          order by t.number, g.name nulls last, e.id
          for update of e`,
        [viewer.tenantId, pgArray(ids)],
      );
      if (rows.length === 0) throw fieldError('ticketIds', 'The chosen tickets have no unbilled time.');
      const orphans = [...new Set(rows.filter((r) => !r.customer_id).map((r) => `#${r.number}`))];
      if (orphans.length > 0) throw fieldError('ticketIds', `These tickets have no customer to bill: ${orphans.join(', ')}. Set their customer first.`);
      const byCustomer = new Map<string, UnbilledRow[]>();
      for (const row of rows) byCustomer.set(row.customer_id!, [...(byCustomer.get(row.customer_id!) ?? []), row]);
      const quotes: string[] = [];
      const now = new Date();
      for (const [customerId, entries] of byCustomer) {
        const lines = linesOf(entries);
        const total = lines.reduce((sum, line) => sum + line.amountCents, 0);
        const [counter] = await sql<{ n: number }>(
          em,
          `insert into tenant_counters (tenant_id, last_quote_number) values (?, 1)
           on conflict (tenant_id) do update set last_quote_number = tenant_counters.last_quote_number + 1 returning last_quote_number as n`,
          [viewer.tenantId],
        );
        const quoteId = randomUUID();
        em.create(Quote, {
          id: quoteId,
          tenantId: viewer.tenantId,
          number: counter!.n,
          customerId,
          customerName: entries[0]!.customer_name ?? '',
          status: 'draft',
          totalCents: total,
          createdById: createdBy,
          createdAt: now,
          updatedAt: now,
        });
        lines.forEach((line, position) => em.create(QuoteLine, { tenantId: viewer.tenantId, quoteId, position, ...line }));
        await em.flush();
        await sql(em, 'update time_entries set quote_id = ?, billed_at = now() where tenant_id = ? and id = any(?::uuid[])', [
          quoteId,
          viewer.tenantId,
          pgArray(entries.map((e) => e.id)),
        ]);
        quotes.push(quoteId);
      }
      return { quotes, tickets: new Map(rows.map((r) => [r.ticket_id, r.department_id])) };
    });
    for (const [ticketId, departmentId] of result.tickets)
      await this.pubSub.publish('ticketChanged', viewer.tenantId, { kind: 'UPDATED', ticketId, departmentId, previousDepartmentId: null });
    return this.em.find(Quote, { tenantId: viewer.tenantId, id: { $in: result.quotes } }, { orderBy: { number: 'asc' } });
  }

  async list(viewer: StaffViewer, filter: QuoteFilter = {}): Promise<IQuote[]> {
    const where: Record<string, unknown> = { tenantId: viewer.tenantId };
    if (filter.status) where['status'] = filter.status;
    if (filter.customerId) {
      if (!isUuid(filter.customerId)) return [];
      where['customerId'] = filter.customerId;
    }
    return this.em.find(Quote, where, { orderBy: { number: 'desc' }, limit: LIST_MAX });
  }

  async find(viewer: StaffViewer, id: string): Promise<IQuote | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(Quote, { tenantId: viewer.tenantId, id });
  }

  async lines(tenantId: string, quoteId: string): Promise<IQuoteLine[]> {
    return this.em.find(QuoteLine, { tenantId, quoteId }, { orderBy: { position: 'asc' } });
  }

  async updateStatus(viewer: StaffViewer, id: string, version: number, status: QuoteStatus): Promise<IQuote> {
    const quote = await this.find(viewer, id);
    if (!quote) throw notFound('Quote');
    if (quote.version !== version) throw new DomainError(ErrorCode.Conflict, 'Someone else changed this quote meanwhile. Reload it and try again.', 'version');
    if (quote.status === status) return quote;
    if (!NEXT[quote.status as QuoteStatus].includes(status)) throw fieldError('status', `A ${quote.status} quote cannot become ${status}.`);
    quote.status = status;
    quote.updatedAt = new Date();
    await this.em.flush();
    return quote;
  }

  /** The quote as CSV (one row per line, then the total), safe to open in a spreadsheet. */
  async csv(viewer: StaffViewer, id: string): Promise<{ filename: string; body: string } | null> {
    const quote = await this.find(viewer, id);
    if (!quote) return null;
    const lines = await this.lines(viewer.tenantId, quote.id);
    const euros = (cents: number) => (cents / 100).toFixed(2);
    const rows = [
      ['Quote', 'Customer', 'Ticket', 'Subject', 'User group', 'Hours', 'Minutes', 'Rate', 'Amount', 'Currency'],
      ...lines.map((l) => [
        quote.number,
        quote.customerName,
        l.ticketNumber,
        l.ticketSubject,
        l.groupName,
        hours(l.minutes),
        l.minutes,
        euros(l.rateCents),
        euros(Number(l.amountCents)),
        quote.currency,
      ]),
      [quote.number, quote.customerName, '', 'Total', '', '', lines.reduce((s, l) => s + l.minutes, 0), '', euros(Number(quote.totalCents)), quote.currency],
    ];
    return { filename: `quote-${quote.number}.csv`, body: `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n` };
  }
}

/** One line per ticket and user group, in ticket order; entries without a group are billed at 0 under "No user group". */
function linesOf(entries: readonly UnbilledRow[]) {
  const lines = new Map<
    string,
    { ticketId: string; ticketNumber: number; ticketSubject: string; userGroupId: string | null; groupName: string; minutes: number; rateCents: number }
  >();
  for (const e of entries) {
    const key = `${e.ticket_id}:${e.user_group_id ?? ''}`;
    const line = lines.get(key) ?? {
      ticketId: e.ticket_id,
      ticketNumber: e.number,
      ticketSubject: e.subject,
      userGroupId: e.user_group_id,
      groupName: e.group_name ?? 'No user group',
      minutes: 0,
      rateCents: e.rate_cents ?? 0,
    };
    line.minutes += e.minutes;
    lines.set(key, line);
  }
  return [...lines.values()].map((line) => ({ ...line, amountCents: amountCents(line.minutes, line.rateCents) }));
}
