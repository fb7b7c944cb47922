import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, clearDraft, draftFromDefaults, draftKey, isUntouched, loadDraft, saveDraft, type DraftStorage } from './replyDraft';

/** A Map behind the Storage interface. */
function memoryStorage(initial: Record<string, string> = {}): DraftStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const defaults = { to: ['erika@customer.example'], cc: ['chef@customer.example'], subject: 'Re: Drucker', statusAfter: 'answered' };

describe('draftFromDefaults and isUntouched', () => {
  it('starts from the server’s defaults and counts blank text as untouched', () => {
    const start = draftFromDefaults(defaults);
    expect(start).toEqual({ ...defaults, bcc: [], html: '', includeHistory: false });
    expect(isUntouched({ ...start, html: '<div><br></div>' }, start)).toBe(true);
  });

  it('sees any change of text, recipients, subject, status or quoting', () => {
    const start = draftFromDefaults(defaults);
    expect(isUntouched({ ...start, html: 'Hallo' }, start)).toBe(false);
    expect(isUntouched({ ...start, cc: [] }, start)).toBe(false);
    expect(isUntouched({ ...start, bcc: ['a@x.example'] }, start)).toBe(false);
    expect(isUntouched({ ...start, subject: 'Re: Drucker!' }, start)).toBe(false);
    expect(isUntouched({ ...start, statusAfter: 'pending' }, start)).toBe(false);
    expect(isUntouched({ ...start, includeHistory: true }, start)).toBe(false);
  });
});

describe('saveDraft and loadDraft', () => {
  it('keeps a draft per ticket until it is cleared', () => {
    const storage = memoryStorage();
    const draft = { ...draftFromDefaults(defaults), html: '<b>Hallo</b>', bcc: ['archiv@tresen.example'] };
    saveDraft(storage, 't1', draft, 1000);
    expect(loadDraft(storage, 't1')).toEqual({ draft, savedAt: 1000 });
    expect(loadDraft(storage, 't2')).toBeNull();
    clearDraft(storage, 't1');
    expect(loadDraft(storage, 't1')).toBeNull();
  });

  it('ignores entries of another shape', () => {
    const storage = memoryStorage({ [draftKey('t1')]: '{"savedAt":1,"draft":{"to":"erika"}}', [draftKey('t2')]: 'not json' });
    expect(loadDraft(storage, 't1')).toBeNull();
    expect(loadDraft(storage, 't2')).toBeNull();
  });

  it('drops drafts of other tickets that were not touched for a month, and broken ones', () => {
    const storage = memoryStorage({ [draftKey('broken')]: '{', unrelated: 'stays' });
    const draft = draftFromDefaults(defaults);
    saveDraft(storage, 'old', draft, 0);
    saveDraft(storage, 'new', draft, DRAFT_MAX_AGE_MS + 10);
    expect([...storage.map.keys()].sort()).toEqual([draftKey('new'), 'unrelated']);
  });

  it('keeps working when the storage refuses', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => saveDraft(storage, 't1', draftFromDefaults(defaults), 1)).not.toThrow();
  });
});
