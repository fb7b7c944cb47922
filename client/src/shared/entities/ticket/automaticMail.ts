/** What kind of machine-sent mail a message is, for its badge. */
export type AutomaticKind = 'BOUNCE' | 'AUTO_REPLY' | 'BULK' | 'COMPLAINT' | 'REPORT' | 'OTHER';

const RULES: ReadonlyArray<[RegExp, AutomaticKind]> = [
  [/^Bounce\b/i, 'BOUNCE'],
  [/^Complaint\b/i, 'COMPLAINT'],
  [/^Report\b/i, 'REPORT'],
  [/^Auto-Submitted:\s*auto-replied\b|^X-Auto(?:reply|respond)\b|^(?:X-)?Precedence:\s*auto_reply\b/i, 'AUTO_REPLY'],
  [/^(?:X-)?Precedence:\s*(?:bulk|junk|list)\b|^Mailing list\b/i, 'BULK'],
];

/**
 * The kind of an automatic message from the server's `automaticReason`, which names the rule that
 * matched in English ("Bounce: ...", "Auto-Submitted: auto-replied", "Precedence: bulk", "Mailing
 * list mail (List-Id)"). A reason this does not recognise is just automatic mail (OTHER); the
 * reason itself is shown next to the badge either way.
 */
export function automaticKind(reason: string): AutomaticKind {
  const text = reason.trim();
  return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? 'OTHER';
}
