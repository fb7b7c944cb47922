/** A canned reply as far as grouping needs it. */
export interface Groupable {
  id: string;
  category: string;
  title: string;
}

export interface CannedReplyGroup<T extends Groupable> {
  /** '' for replies without a category; that group comes first. */
  category: string;
  replies: T[];
}

/**
 * Canned replies grouped by category: replies without one first, then the categories in
 * alphabetical order (as the UI language sorts), each group by title.
 */
export function groupByCategory<T extends Groupable>(replies: readonly T[], locale: string): CannedReplyGroup<T>[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const groups = new Map<string, T[]>();
  for (const reply of replies) {
    const category = reply.category.trim();
    const group = groups.get(category);
    if (group) group.push(reply);
    else groups.set(category, [reply]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : collator.compare(a, b)))
    .map(([category, list]) => ({ category, replies: list.sort((a, b) => collator.compare(a.title, b.title)) }));
}

/** Replies whose title, category or text contains every word of `search` (case-insensitive). */
export function filterCannedReplies<T extends Groupable & { body: string }>(replies: readonly T[], search: string): T[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...replies];
  return replies.filter((reply) => {
    const text = `${reply.title}\n${reply.category}\n${reply.body}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
