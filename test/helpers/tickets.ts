import type { Gql } from './graphql.js';

export const TICKET_FIELDS = 'id number subject version priority status { key category } department { id } handler { id } lastActivityAt';

export interface TicketRow {
  id: string;
  number: number;
  subject: string;
  version: number;
  priority: string;
  status: { key: string; category: string };
  department: { id: string };
  handler: { id: string } | null;
}

/** Creates a ticket through the API and returns it. */
export async function createTicket(
  client: Gql,
  departmentId: string,
  subject = 'Drucker druckt nicht',
  text = 'Seit heute morgen kommt nichts aus dem Drucker.',
  extra: Record<string, unknown> = {},
): Promise<TicketRow> {
  const { ticketCreate } = await client.data<{ ticketCreate: TicketRow }>(
    `mutation ($i: TicketCreateInput!) { ticketCreate(input: $i) { ${TICKET_FIELDS} } }`,
    {
      i: { subject, departmentId, text, ...extra },
    },
  );
  return ticketCreate;
}

export async function listTickets(
  client: Gql,
  filter: Record<string, unknown> = {},
  first = 100,
): Promise<{ totalCount: number; edges: { node: TicketRow; snippet: string | null }[] }> {
  const { tickets } = await client.data<{ tickets: { totalCount: number; edges: { node: TicketRow; snippet: string | null }[] } }>(
    `query ($f: TicketFilter, $first: Int) { tickets(filter: $f, first: $first) { totalCount edges { snippet node { ${TICKET_FIELDS} } } } }`,
    { f: filter, first },
  );
  return tickets;
}
