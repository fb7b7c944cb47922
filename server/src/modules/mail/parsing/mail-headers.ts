import type { AddressObject, EmailAddress, HeaderLines, HeaderValue } from 'mailparser';

/** A mailbox from an address header: the display name (decoded, '' when none) and the address as written. */
export interface ParsedAddress {
  name: string;
  address: string;
}

/** The values of one top-level header, unfolded and trimmed, in message order. */
export function headerValues(lines: HeaderLines, name: string): string[] {
  const key = name.toLowerCase();
  return lines
    .filter((l) => l.key === key)
    .map((l) =>
      l.line
        .slice(l.line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]*/g, ' ')
        .trim(),
    );
}

/**
 * The Message-IDs in a header value, without angle brackets, in order, each once. Ids without
 * brackets are accepted when the value holds nothing else (some mailers write them bare).
 */
export function messageIds(value: string | readonly string[] | null | undefined): string[] {
  const text = withoutNul((typeof value === 'string' ? [value] : (value ?? [])).join(' '));
  const bracketed = [...text.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!.replace(/\s+/g, ''));
  const ids = bracketed.length > 0 ? bracketed : text.split(/[\s,]+/).filter((t) => t.includes('@'));
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id !== '' && id.length <= 998))];
}

/** The first Message-ID of a header value, or null when there is none. */
export function firstMessageId(value: string | null | undefined): string | null {
  const id = messageIds(value)[0];
  if (id) return id;
  const bare = withoutNul(value ?? '')
    .trim()
    .replace(/^<|>$/g, '')
    .trim();
  return bare === '' || /\s/.test(bare) ? null : bare;
}

/** The mailboxes of a parsed address header (or several of them), groups flattened, entries without an address dropped. */
export function addresses(value: HeaderValue | undefined): ParsedAddress[] {
  const objects = (Array.isArray(value) ? value : value ? [value] : []).filter(isAddressObject);
  const flat = (entries: readonly EmailAddress[]): EmailAddress[] => entries.flatMap((e) => (e.group ? flat(e.group) : [e]));
  return objects
    .flatMap((o) => flat(o.value))
    .map((e) => ({ name: withoutNul(e.name ?? '').trim(), address: withoutNul(e.address ?? '').trim() }))
    .filter((a) => a.address !== '');
}

function isAddressObject(value: unknown): value is AddressObject {
  return typeof value === 'object' && value !== null && Array.isArray((value as { value?: unknown }).value);
}

/**
 * The Return-Path: the address between the angle brackets ('' for the null sender `<>`), the bare
 * value when it has no brackets, null when the header is absent. The first one counts: it is the
 * one the delivering server added.
 */
export function returnPath(lines: HeaderLines): string | null {
  const value = headerValues(lines, 'return-path')[0];
  if (value === undefined) return null;
  const bracketed = /<([^<>]*)>/.exec(value);
  return (bracketed ? bracketed[1]! : value).trim();
}

/** The Date header, or null when it is absent or cannot be read (mailparser would say "now" instead). */
export function messageDate(lines: HeaderLines): Date | null {
  const value = headerValues(lines, 'date')[0];
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Mail may carry NUL characters (broken encoders, binary parts read as text); PostgreSQL text cannot hold them. */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}
