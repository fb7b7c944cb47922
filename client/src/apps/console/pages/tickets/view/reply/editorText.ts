/** The parts of a DOM node the conversion reads; real nodes fit, and tests can build plain objects. */
export interface EditorNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<EditorNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const BLOCKS = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TABLE', 'TR']);

/**
 * The plain-text alternative of the composer's rich text, line by line as the reader sees it:
 * Chrome's one-`<div>`-per-line and `<br>` line breaks become line breaks (a line's closing
 * `<br>` placeholder adds none), paragraphs are followed by a blank line, list items start with
 * "- " or "1. " (indented per level), and a link keeps its address as "text <address>".
 */
export function editorText(root: EditorNode): string {
  const lines: string[] = [];
  let line = '';
  /** Something is on the current line (text, a list marker), or a `<br>` asked for it. */
  let open = false;

  const endLine = (): void => {
    lines.push(line);
    line = '';
    open = false;
  };
  const ensureLineStart = (): void => {
    if (open) endLine();
  };

  const walk = (node: EditorNode, depth: number): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = (node.nodeValue ?? '').replace(/[\t\n\r]+/g, ' ').replace(/\u00a0/g, ' ');
      if (text === '') return;
      line += text;
      open = true;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      lines.push(line);
      line = '';
      open = false;
      return;
    }
    const children = Array.from(node.childNodes);
    if (name === 'UL' || name === 'OL') {
      ensureLineStart();
      let number = 1;
      for (const child of children) {
        if (child.nodeType === ELEMENT_NODE && child.nodeName.toUpperCase() === 'LI') {
          ensureLineStart();
          line = `${'  '.repeat(depth)}${name === 'OL' ? `${number++}.` : '-'} `;
          open = true;
          for (const grandchild of Array.from(child.childNodes)) walk(grandchild, depth + 1);
          ensureLineStart();
        } else {
          walk(child, depth + 1);
        }
      }
      return;
    }
    if (BLOCKS.has(name)) {
      ensureLineStart();
      for (const child of children) walk(child, depth);
      ensureLineStart();
      if (name === 'P') lines.push('');
      return;
    }
    const before = line.length;
    for (const child of children) walk(child, depth);
    if (name === 'A') {
      const href = node.getAttribute?.('href')?.trim() ?? '';
      const label = line.slice(before).trim();
      const shown = href.replace(/^mailto:/i, '');
      if (href !== '' && shown !== label) {
        line += label === '' ? shown : ` <${shown}>`;
        open = true;
      }
    }
  };

  for (const child of Array.from(root.childNodes)) walk(child, 0);
  if (open) endLine();
  const trimmed = lines.map((text) => text.trimEnd());
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  while (trimmed.length > 0 && trimmed[0] === '') trimmed.shift();
  return trimmed.join('\n');
}

/** True when composer HTML shows no text: only tags, blanks and non-breaking spaces. */
export function isBlankHtml(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;|\u00a0/g, ' ')
      .trim() === ''
  );
}
