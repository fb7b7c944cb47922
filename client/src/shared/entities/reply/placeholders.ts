/**
 * The placeholders canned replies, signatures and automatic acknowledgements may use, in the order
 * the help lists them. The server fills them when a reply is written (compose.ts).
 */
export const PLACEHOLDERS = ['customerName', 'contactName', 'ticketNumber', 'ticketSubject', 'agentName', 'department', 'expectedDate'] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

/** How a placeholder is written in a text: `{{customerName}}`. */
export function placeholderToken(name: Placeholder): string {
  return `{{${name}}}`;
}

/**
 * Placeholders in `text` the server does not know, as written (`{{custmerName}}`), each once. The
 * server leaves them in the mail as they are, so forms warn about them before saving.
 */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
    const name = match[1] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name) && !unknown.includes(match[0])) unknown.push(match[0]);
  }
  return unknown;
}
