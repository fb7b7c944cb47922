import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MailParseError, parseMail, type ParsedMail } from '../parse-mail.js';

/** Real-world mail beside the repository (see its README); a developer's machine may not have it. */
const CORPUS = fileURLToPath(new URL('../../../../../../../shared/mail-corpus/', import.meta.url));
const PRESENT = existsSync(CORPUS);
// eslint-disable-next-line no-console -- the default reporter does not name skipped suites; say why these are
if (!PRESENT) console.warn(`Mail corpus tests skipped: ${CORPUS} is not there (it sits beside the repository on machines that have it).`);

/**
 * sisimai messages that are automatic but not delivery failures, so `bounce` must stay null:
 * complaints (ARF feedback reports and their look-alikes), successful-delivery notices and
 * out-of-office replies. Everything else in sisimai-bounces/ is a bounce or delay notice.
 */
const NOT_BOUNCES: Record<string, string> = {
  'lhost-amazonses-11.eml': 'Amazon SES complaint notification',
  'lhost-amazonses-13.eml': 'Amazon SES delivery (success) notification',
  'rfc3834-02.eml': 'out-of-office reply (RFC 3834)',
  'rfc3834-04.eml': 'out-of-office reply (RFC 3834)',
  'rfc3834-06.eml': 'auto-reply (RFC 3834)',
};
const isComplaint = (name: string) => name.startsWith('arf-');

/** Folders of mail people wrote: none of it may be classified as automatic. */
const HUMAN_FOLDERS = ['plain_emails', 'attachment_emails', 'multi_charset', 'rfc2822', 'rfc6532'];

/** Figures reached when this was written; a change that lowers them is a regression. */
const FLOOR = { failedRecipient: 288, originalMessageId: 270 };

type Outcome = { file: string; parsed: ParsedMail } | { file: string; refused: string } | { file: string; crashed: string };

function messages(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return messages(path);
      return /^(?:LICENSE|README)/i.test(name) ? [] : [path];
    });
}

describe.skipIf(!PRESENT)(PRESENT ? 'real-world mail corpus' : `real-world mail corpus: skipped, ${CORPUS} is not there`, () => {
  const outcomes: Outcome[] = [];
  const parsed = () => outcomes.flatMap((o) => ('parsed' in o ? [o] : []));
  const sisimai = () => parsed().filter((o) => o.file.startsWith('sisimai-bounces/'));

  beforeAll(async () => {
    for (const path of messages(CORPUS)) {
      const file = relative(CORPUS, path);
      try {
        outcomes.push({ file, parsed: await parseMail(readFileSync(path)) });
      } catch (error) {
        if (error instanceof MailParseError) outcomes.push({ file, refused: error.reason });
        else outcomes.push({ file, crashed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
  });

  it('parses every message or refuses it with a reason, and never crashes', () => {
    expect(outcomes.length).toBeGreaterThan(400);
    expect(outcomes.filter((o) => 'crashed' in o)).toEqual([]);
    expect(outcomes.filter((o) => 'refused' in o && o.refused.trim() === '')).toEqual([]);
  });

  it('returns no HTML with scripts, event handlers or javascript: URLs', () => {
    const unsafe = parsed().filter(({ parsed: { html } }) => html !== null && (/<script/i.test(html) || / on\w+=/i.test(html) || /javascript:/i.test(html)));
    expect(unsafe.map((o) => o.file)).toEqual([]);
  });

  it('recognises every bounce and feedback message as automatic', () => {
    expect(sisimai()).toHaveLength(314);
    expect(
      sisimai()
        .filter((o) => o.parsed.automatic === null)
        .map((o) => o.file),
    ).toEqual([]);
  });

  it('recognises every bounce as a bounce, and nothing else there', () => {
    const wrong = sisimai().filter(({ file, parsed: { bounce } }) => {
      const name = basename(file);
      const expectBounce = !isComplaint(name) && !(name in NOT_BOUNCES);
      return (bounce !== null) !== expectBounce;
    });
    expect(wrong.map((o) => `${o.file}: bounce ${o.parsed.bounce ? 'found' : 'missing'}`)).toEqual([]);
  });

  it('classifies no mail a person wrote as automatic', () => {
    const human = parsed().filter((o) => HUMAN_FOLDERS.some((folder) => o.file.includes(`/${folder}/`)));
    expect(human.length).toBeGreaterThan(50);
    expect(human.filter((o) => o.parsed.automatic !== null).map((o) => `${o.file}: ${o.parsed.automatic?.reason}`)).toEqual([]);
  });

  it('finds failed recipients and original Message-IDs in most bounces', () => {
    const bounces = sisimai().flatMap((o) => (o.parsed.bounce ? [o.parsed.bounce] : []));
    const figures = {
      failedRecipient: bounces.filter((b) => b.failedRecipients.length > 0).length,
      originalMessageId: bounces.filter((b) => b.originalMessageId !== null).length,
    };
    const withoutRecipient = sisimai().flatMap(({ file, parsed: { bounce } }) =>
      bounce && bounce.failedRecipients.length === 0 ? [`${basename(file)} (${bounce.status ?? 'no status'})`] : [],
    );
    const refused = outcomes.flatMap((o) => ('refused' in o ? [`${o.file} (${o.refused})`] : []));
    // eslint-disable-next-line no-console -- these figures are what this test reports
    console.log(
      [
        `mail corpus: ${outcomes.length} files, ${parsed().length} parsed, ${refused.length} refused${refused.length ? `: ${refused.join('; ')}` : ''}`,
        `sisimai: ${sisimai().length} messages, ${sisimai().filter((o) => o.parsed.automatic).length} automatic, ${bounces.length} bounces`,
        `  failed recipient found: ${figures.failedRecipient}/${bounces.length}; none in ${withoutRecipient.join(', ')}`,
        `  original Message-ID found: ${figures.originalMessageId}/${bounces.length}`,
      ].join('\n'),
    );
    expect(figures.failedRecipient).toBeGreaterThanOrEqual(FLOOR.failedRecipient);
    expect(figures.originalMessageId).toBeGreaterThanOrEqual(FLOOR.originalMessageId);
  });
});
