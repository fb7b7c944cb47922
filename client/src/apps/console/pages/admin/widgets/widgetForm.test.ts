import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, previewColor, toCreateInput } from './widgetForm';

describe('widget form', () => {
  it('turns the origins text into a list without blanks and keeps both languages', () => {
    const draft = { ...emptyDraft('d1'), name: ' Website ', origins: 'https://a.example\n\n https://b.example , https://c.example' };
    draft.texts.DE.title = 'Kontakt';
    const input = toCreateInput(draft);
    expect(input).toMatchObject({ name: 'Website', departmentId: 'd1', allowedOrigins: ['https://a.example', 'https://b.example', 'https://c.example'] });
    expect(input.texts).toEqual([
      { language: 'DE', title: 'Kontakt', intro: '', thanks: '' },
      { language: 'EN', title: '', intro: '', thanks: '' },
    ]);
  });

  it('reads a saved widget back into the same draft', () => {
    const draft = draftOf({
      id: 'w1',
      key: 'k',
      name: 'Shop',
      departmentId: 'd1',
      enabled: false,
      available: false,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      primaryColor: '#112233',
      primaryTextColor: '#ffffff',
      texts: [{ language: 'EN', title: 'Hi', intro: 'Write', thanks: 'Thanks' }],
      createdAt: '2026-12-04T00:00:00Z',
      updatedAt: '2026-12-04T00:00:00Z',
    });
    expect(draft).toMatchObject({
      name: 'Shop',
      enabled: false,
      origins: 'https://a.example\nhttps://b.example',
      texts: { EN: { title: 'Hi' }, DE: { title: '' } },
    });
  });

  it('previews only well-formed colours', () => {
    expect(previewColor('#AABBCC', '#000000')).toBe('#aabbcc');
    expect(previewColor('red', '#000000')).toBe('#000000');
  });
});
