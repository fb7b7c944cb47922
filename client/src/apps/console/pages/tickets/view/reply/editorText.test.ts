import { describe, expect, it } from 'vitest';
import { editorText, isBlankHtml, type EditorNode } from './editorText';

const text = (value: string): EditorNode => ({ nodeType: 3, nodeName: '#text', nodeValue: value, childNodes: [] });
const el = (name: string, ...children: (EditorNode | string)[]): EditorNode => ({
  nodeType: 1,
  nodeName: name.toUpperCase(),
  nodeValue: null,
  childNodes: children.map((child) => (typeof child === 'string' ? text(child) : child)),
});
const link = (href: string, ...children: (EditorNode | string)[]): EditorNode => ({
  ...el('a', ...children),
  getAttribute: (name) => (name === 'href' ? href : null),
});
const root = (...children: (EditorNode | string)[]) => el('div', ...children);

describe('editorText', () => {
  it('reads Chrome’s one div per line, with an empty line as a div holding only <br>', () => {
    expect(editorText(root('Guten Tag,', el('div', el('br')), el('div', 'der Drucker ist da.'), el('div', 'Gruß')))).toBe(
      'Guten Tag,\n\nder Drucker ist da.\nGruß',
    );
  });

  it('breaks lines at <br> but not at the closing <br> placeholder of a line', () => {
    expect(editorText(root('eins', el('br'), 'zwei', el('br')))).toBe('eins\nzwei');
    expect(editorText(root(el('div', 'eins', el('br')), el('div', 'zwei')))).toBe('eins\nzwei');
  });

  it('keeps formatting out of the text and non-breaking spaces as spaces', () => {
    expect(editorText(root('Das ist ', el('b', 'wichtig'), ' und\u00a0\u00a0', el('i', 'dringend'), '.'))).toBe('Das ist wichtig und  dringend.');
  });

  it('writes list items with markers, numbered lists counted, nested ones indented', () => {
    expect(editorText(root('Bitte:', el('ul', el('li', 'Kabel'), el('li', 'Strom', el('ol', el('li', 'an'), el('li', 'aus')))), 'Danke'))).toBe(
      'Bitte:\n- Kabel\n- Strom\n  1. an\n  2. aus\nDanke',
    );
  });

  it('keeps the address of a link whose text is not the address', () => {
    expect(editorText(root('Siehe ', link('https://example.com/faq', 'FAQ'), '.'))).toBe('Siehe FAQ <https://example.com/faq>.');
    expect(editorText(root(link('https://example.com', 'https://example.com')))).toBe('https://example.com');
    expect(editorText(root(link('mailto:erika@customer.example', 'erika@customer.example')))).toBe('erika@customer.example');
  });

  it('follows a paragraph with a blank line and drops blank lines at the start and end', () => {
    expect(editorText(root(el('div', el('br')), el('p', 'Absatz eins'), el('p', 'Absatz zwei'), el('div', el('br'))))).toBe('Absatz eins\n\nAbsatz zwei');
  });

  it('reads source line breaks in text as spaces, as the browser shows them', () => {
    expect(editorText(root('eins\nzwei'))).toBe('eins zwei');
  });
});

describe('isBlankHtml', () => {
  it('sees no text in tags, blanks and non-breaking spaces', () => {
    expect(isBlankHtml('')).toBe(true);
    expect(isBlankHtml('<div><br></div>&nbsp; ')).toBe(true);
    expect(isBlankHtml('<b>x</b>')).toBe(false);
  });
});
