export interface QuoteSplit {
  /** What the sender wrote this time, trimmed. */
  newText: string;
  /** The earlier conversation from the reply header on, or null when none was found. */
  quotedText: string | null;
}

/** Separator lines of Outlook, Outlook Express, GMX/web.de and Thunderbird, English and German. */
const SEPARATOR = /^\s*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Original-Nachricht)\s*-{2,}\s*$/i;
/** "On Mon, 1 Jan 2024 at 10:00, Jane <jane@example.org> wrote:" (Gmail, Apple Mail, Thunderbird). */
const ON_WROTE = /^On\b.{1,300}\b(?:wrote|writes)\s*:\s*$/i;
/** "Am 01.01.2024 um 10:00 schrieb Max Muster <max@example.org>:" */
const AM_SCHRIEB = /^Am\b.{1,300}\bschrieb\b.{0,300}:\s*$/i;
/** "Jane Doe wrote:", "Max schrieb am 01.01.2024:" — only when quoted lines follow. */
const LOOSE_ATTRIBUTION = /^\S.{0,300}\b(?:wrote|writes|schrieb(?:\s.{0,200})?)\s*:\s*$/i;
/** Outlook's header block of the quoted mail: "From: ..." then "Sent: ..." (or Date), German "Von:" / "Gesendet:". */
const BLOCK_FROM = /^\s*\*?(?:From|Von)\s*:\*?\s+\S/i;
const BLOCK_SENT = /^\s*\*?(?:Sent|Date|Gesendet|Datum)\s*:\*?\s+\S/i;
const BLOCK_SUBJECT = /^\s*\*?(?:Subject|Betreff)\s*:\*?\s*(.*)$/i;
const FORWARD_SUBJECT = /^(?:fwd?|wg|weitergeleitet)\s*:/i;
const FORWARD_MARKER = /forwarded message|weitergeleitete nachricht|begin forwarded message|anfang der weitergeleiteten/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
const QUOTED = /^\s*>/;

/**
 * Splits a mail text into what is new and the quoted earlier conversation, for display (the full
 * text is always kept elsewhere). The split is at the first reply header — "On ... wrote:",
 * "Am ... schrieb ...:", "-----Original Message-----", "-----Ursprüngliche Nachricht-----", an
 * Outlook "From:/Sent:" ("Von:/Gesendet:") block — or at a block of `>` quoted lines that ends the
 * mail. Attribution lines ("... wrote:") only count when nothing but quoted lines follows them,
 * so interleaved answers stay visible. Forwarded messages are not quotes and are never split off.
 * When the split would leave nothing new, the whole text counts as new.
 */
export function splitQuote(text: string): QuoteSplit {
  const lines = new Lines(text.replace(/\r\n?/g, '\n').split('\n'));
  const cut = firstReplyHeader(lines) ?? trailingQuote(lines);
  if (cut === null) return { newText: text, quotedText: null };
  const newText = lines.all.slice(0, cut).join('\n').trim();
  if (newText === '') return { newText: text, quotedText: null };
  return { newText, quotedText: lines.all.slice(cut).join('\n').trimEnd() };
}

/** The lines with what the rules ask about the rest of the text worked out once, back to front, so a long mail stays linear. */
class Lines {
  /** From index i on, every non-blank line is quoted / none is. */
  private readonly allQuotedFrom: boolean[];
  private readonly noneQuotedFrom: boolean[];
  /** The first non-blank line at or after index i, or -1. */
  private readonly nonBlankFrom: number[];

  constructor(readonly all: readonly string[]) {
    const n = all.length;
    this.allQuotedFrom = new Array<boolean>(n + 1).fill(true);
    this.noneQuotedFrom = new Array<boolean>(n + 1).fill(true);
    this.nonBlankFrom = new Array<number>(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) {
      const blank = this.blank(i);
      const quoted = this.quoted(i);
      this.allQuotedFrom[i] = this.allQuotedFrom[i + 1]! && (blank || quoted);
      this.noneQuotedFrom[i] = this.noneQuotedFrom[i + 1]! && (blank || !quoted);
      this.nonBlankFrom[i] = blank ? this.nonBlankFrom[i + 1]! : i;
    }
  }

  get length(): number {
    return this.all.length;
  }

  at(i: number): string {
    return this.all[i] ?? '';
  }

  blank(i: number): boolean {
    return this.at(i).trim() === '';
  }

  quoted(i: number): boolean {
    return QUOTED.test(this.at(i));
  }

  onlyQuotedAfter(i: number): boolean {
    return this.allQuotedFrom[i + 1] ?? true;
  }

  noneQuotedAfter(i: number): boolean {
    return this.noneQuotedFrom[i + 1] ?? true;
  }

  nextNonBlank(i: number): number {
    return this.nonBlankFrom[i + 1] ?? -1;
  }

  previousNonBlank(i: number): number | null {
    for (let j = i - 1; j >= 0; j--) if (!this.blank(j)) return j;
    return null;
  }
}

function firstReplyHeader(lines: Lines): number | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines.at(i);
    if (lines.quoted(i)) continue;
    if (SEPARATOR.test(line)) return i;
    const attribution = attributionAt(lines, i);
    // What follows an attribution is the quote: all of it > quoted, or — when the attribution carries
    // a date, as clients write it — none of it (HTML mail whose quote lost its markup). Quoted and
    // unquoted lines mixed are answers interleaved with the quote, which must stay visible.
    if (attribution !== null && (lines.onlyQuotedAfter(attribution) || (/\d/.test(line) && lines.noneQuotedAfter(attribution)))) return i;
    if (BLOCK_FROM.test(line) && isOutlookBlock(lines, i)) {
      const before = lines.previousNonBlank(i);
      return before !== null && OUTLOOK_RULE.test(lines.at(before)) ? before : i;
    }
  }
  return null;
}

/** The last line index of an attribution starting at line i (Gmail wraps long ones), or null. */
function attributionAt(lines: Lines, i: number): number | null {
  const line = lines.at(i).trim();
  if (/^(?:On|Am)\b/i.test(line)) {
    let joined = '';
    for (let j = i; j < Math.min(lines.length, i + 3); j++) {
      joined = `${joined} ${lines.at(j).trim()}`.trim();
      if (ON_WROTE.test(joined) || AM_SCHRIEB.test(joined)) return j;
    }
  }
  const next = lines.nextNonBlank(i);
  return LOOSE_ATTRIBUTION.test(line) && next >= 0 && lines.quoted(next) ? i : null;
}

function isOutlookBlock(lines: Lines, i: number): boolean {
  const block = lines.all.slice(i + 1, i + 5);
  if (!block.some((l) => BLOCK_SENT.test(l))) return false;
  const subject = block.map((l) => BLOCK_SUBJECT.exec(l)?.[1]).find((s) => s !== undefined);
  if (subject !== undefined && FORWARD_SUBJECT.test(subject.trim())) return false;
  const before = lines.previousNonBlank(i);
  const marker = before !== null && OUTLOOK_RULE.test(lines.at(before)) ? lines.previousNonBlank(before) : before;
  return marker === null || !FORWARD_MARKER.test(lines.at(marker));
}

/** The first line of a run of quoted lines (blank lines allowed inside) that ends the text. */
function trailingQuote(lines: Lines): number | null {
  const last = lines.previousNonBlank(lines.length);
  if (last === null || !lines.quoted(last)) return null;
  let start = last;
  for (let j = last - 1; j >= 0; j--) {
    if (lines.quoted(j)) start = j;
    else if (!lines.blank(j)) break;
  }
  return start;
}
