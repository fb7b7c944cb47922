import { isBlankHtml } from './editorText';

/** What the reply form keeps for a ticket until it is sent or discarded. */
export interface ReplyDraft {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** The composer's rich text. */
  html: string;
  /** Status key after sending. */
  statusAfter: string;
  includeHistory: boolean;
}

/** The parts of the server's defaults a fresh form starts from. */
export interface DraftDefaults {
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  statusAfter: string;
}

/** The parts of `localStorage` used here, so tests can pass a map. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'tresen.replyDraft.';
/** Drafts untouched this long are dropped the next time any draft is saved. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

interface Stored {
  savedAt: number;
  draft: ReplyDraft;
}

export function draftKey(ticketId: string): string {
  return `${PREFIX}${ticketId}`;
}

/** A fresh form: the server's recipients, subject and status, no text. */
export function draftFromDefaults(defaults: DraftDefaults): ReplyDraft {
  return { to: [...defaults.to], cc: [...defaults.cc], bcc: [], subject: defaults.subject, html: '', statusAfter: defaults.statusAfter, includeHistory: false };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((entry, index) => entry === b[index]);

/** True when the form holds nothing beyond what it started with: no need to keep it. */
export function isUntouched(draft: ReplyDraft, start: ReplyDraft): boolean {
  return (
    isBlankHtml(draft.html) &&
    sameList(draft.to, start.to) &&
    sameList(draft.cc, start.cc) &&
    sameList(draft.bcc, start.bcc) &&
    draft.subject === start.subject &&
    draft.statusAfter === start.statusAfter &&
    draft.includeHistory === start.includeHistory
  );
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/** A stored draft as written by {@link saveDraft}, or null for anything else. */
function parse(raw: string | null): Stored | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { savedAt?: unknown; draft?: Record<string, unknown> };
    const draft = value.draft;
    if (typeof value.savedAt !== 'number' || !draft) return null;
    if (!isStringList(draft.to) || !isStringList(draft.cc) || !isStringList(draft.bcc)) return null;
    if (typeof draft.subject !== 'string' || typeof draft.html !== 'string' || typeof draft.statusAfter !== 'string') return null;
    return {
      savedAt: value.savedAt,
      draft: {
        to: draft.to,
        cc: draft.cc,
        bcc: draft.bcc,
        subject: draft.subject,
        html: draft.html,
        statusAfter: draft.statusAfter,
        includeHistory: draft.includeHistory === true,
      },
    };
  } catch {
    return null;
  }
}

/**
 * The kept draft of a ticket and when it was saved, or null. Storage that cannot be read (privacy
 * mode) or an entry of another shape counts as none.
 */
export function loadDraft(storage: DraftStorage, ticketId: string): { draft: ReplyDraft; savedAt: number } | null {
  try {
    return parse(storage.getItem(draftKey(ticketId)));
  } catch {
    return null;
  }
}

/** Keeps the draft of a ticket; drops other drafts older than {@link DRAFT_MAX_AGE_MS}. Full or disabled storage is ignored. */
export function saveDraft(storage: DraftStorage, ticketId: string, draft: ReplyDraft, now: number): void {
  try {
    storage.setItem(draftKey(ticketId), JSON.stringify({ savedAt: now, draft } satisfies Stored));
    pruneDrafts(storage, now);
  } catch {
    // Not kept; the form still works.
  }
}

export function clearDraft(storage: DraftStorage, ticketId: string): void {
  try {
    storage.removeItem(draftKey(ticketId));
  } catch {
    // nothing to clear
  }
}

/** Removes drafts older than {@link DRAFT_MAX_AGE_MS} (and unreadable ones). */
export function pruneDrafts(storage: DraftStorage, now: number): void {
  const stale: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    const stored = parse(storage.getItem(key));
    if (!stored || now - stored.savedAt > DRAFT_MAX_AGE_MS) stale.push(key);
  }
  for (const key of stale) storage.removeItem(key);
}
