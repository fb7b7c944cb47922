import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../infra/sql.js';
import { pgArray } from '../tickets/ticket.filter.js';
import { stillValidSql } from '../auth/auth.service.js';
import { isCustomerSide, type Viewer } from '../auth/viewer.js';
import type { DepartmentService } from '../departments/department.service.js';
import { MESSAGE_COLUMNS_M, messageFromRow, type MessageRowM } from '../messages/message-rows.js';
import type { IMessage } from '../messages/message.entity.js';
import { TICKET_COLUMNS, ticketFromRow, type TicketRow } from '../tickets/ticket-rows.js';
import type { ITicket } from '../tickets/ticket.entity.js';

export interface InboundMailView {
  readonly ticket: ITicket;
  readonly message: IMessage;
}

/**
 * What the mails of an `inboundMail` event show this receiver, checked and read with fresh data in
 * one statement for the whole batch: their session is still valid, each ticket's department is one
 * they may see now (DepartmentService.visibleSql), and the tickets and messages as plain rows. A
 * mail that fails a check (or whose message is gone) is missing from the answer, keyed by message id.
 */
export async function loadInboundMailViews(
  em: EntityManager,
  departments: DepartmentService,
  viewer: Viewer,
  mails: readonly { ticketId: string; messageId: string }[],
): Promise<Map<string, InboundMailView>> {
  const views = new Map<string, InboundMailView>();
  if (mails.length === 0 || viewer.type === 'anonymous' || isCustomerSide(viewer)) return views;
  const rule = departments.visibleSql(viewer);
  const session = stillValidSql(viewer);
  const rows = await sql<TicketRow & MessageRowM>(
    em,
    `select t.*, m.*
       from (select ${MESSAGE_COLUMNS_M} from messages where tenant_id = ? and id = any(?::uuid[])) m
       join (select ${TICKET_COLUMNS} from tickets
              where tenant_id = ? and id = any(?::uuid[]) and department_id in (select d.id from departments d where ${rule.text})) t on t.id = m.m_ticket_id
      where ${session.text}`,
    [viewer.tenantId, pgArray(mails.map((m) => m.messageId)), viewer.tenantId, pgArray(mails.map((m) => m.ticketId)), ...rule.params, ...session.params],
  );
  for (const row of rows) views.set(row.m_id, { ticket: ticketFromRow(row), message: messageFromRow(row) });
  return views;
}
