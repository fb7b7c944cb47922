/**
 * One address as the server accepts it (reply.service.ts): no display name, no control characters,
 * nothing a header could be split with. Checked lower-cased, as the server stores it.
 */
const ADDRESS = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const ADDRESS_MAX = 254;

/** At most this many recipients in To, Cc and Bcc together (the server's limit). */
export const RECIPIENTS_MAX = 50;

/** True for a plain e-mail address the server will send to. */
export function isAddress(entry: string): boolean {
  const address = entry.trim().toLowerCase();
  return address.length <= ADDRESS_MAX && ADDRESS.test(address);
}

/**
 * The entries of typed or pasted text: split at commas, semicolons, line breaks and blanks, and
 * "Name <address>" (as copied from a mail program) reduced to the address. Entries that are no
 * address are kept as typed, so the form can point at them.
 */
export function splitRecipients(text: string): string[] {
  const entries: string[] = [];
  // An address in angle brackets, with the name before it, counts as one entry.
  const pattern = /[^<>,;\s]*(?:"[^"]*"|[^<>,;"])*?<([^<>]*)>|[^,;\s]+/g;
  for (const match of text.matchAll(pattern)) {
    const entry = (match[1] ?? match[0]).trim();
    if (entry !== '') entries.push(entry);
  }
  return entries;
}

/** Adds entries to a list, leaving out ones already in it (case-insensitive). */
export function addRecipients(list: readonly string[], entries: readonly string[]): string[] {
  const out = [...list];
  for (const entry of entries) {
    if (!out.some((known) => known.toLowerCase() === entry.toLowerCase())) out.push(entry);
  }
  return out;
}

/** The entries that are not plain e-mail addresses, in order. */
export function invalidRecipients(list: readonly string[]): string[] {
  return list.filter((entry) => !isAddress(entry));
}
