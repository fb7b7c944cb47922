/**
 * Mail HTML as the ticket view shows it: the server's sanitized HTML, with the quoted earlier
 * conversation split off for a "show quoted text" toggle, and remote images loaded only on request.
 * Works on an inert document from DOMParser, so nothing is fetched or run while preparing.
 */

export interface PreparedMailHtml {
  /** What the sender wrote this time (the whole mail when no quote was found). */
  html: string;
  /** The quoted conversation from its first line on, or null when it stays in `html`. */
  quotedHtml: string | null;
}

/** Words of the quote's first line that are looked for; the rest of a long line may differ. */
const MATCH_WORDS = 8;

/**
 * Prepares `html` for display. `quotedText` is the server's plain-text split of the same mail:
 * the quote is cut off where its first line (an "On ... wrote:" line, an Outlook "From:" block, a
 * "-----Original Message-----" line) appears in the HTML, or at the first blockquote when the
 * quote is only `>` lines. When that place cannot be found, or nothing would be left above it,
 * the HTML stays whole. With `loadRemoteImages`, images kept in `data-remote-src` get their `src`
 * back, without a referrer.
 */
export function prepareMailHtml(html: string, options: { quotedText: string | null; loadRemoteImages: boolean }): PreparedMailHtml {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  const body = doc.body;
  if (options.loadRemoteImages) {
    for (const image of body.querySelectorAll('img[data-remote-src]')) {
      image.setAttribute('src', image.getAttribute('data-remote-src') ?? '');
      image.setAttribute('referrerpolicy', 'no-referrer');
      image.removeAttribute('data-remote-src');
    }
  }
  const whole = body.innerHTML;
  const start = options.quotedText ? quoteStart(body, options.quotedText) : null;
  if (!start || !body.lastChild) return { html: whole, quotedHtml: null };

  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEndAfter(body.lastChild);
  const quoted = range.extractContents();
  trimEnd(body);
  if (!hasContent(body)) return { html: whole, quotedHtml: null };
  const box = doc.createElement('div');
  box.append(quoted);
  return { html: body.innerHTML, quotedHtml: box.innerHTML };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the quote begins in the HTML: a position in a text node, or before a blockquote. */
function quoteStart(body: HTMLElement, quotedText: string): { node: Node; offset: number } | null {
  const firstLine = quotedText
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  if (!firstLine) return null;
  if (firstLine.startsWith('>')) {
    const blockquote = body.querySelector('blockquote');
    if (blockquote?.parentNode) return { node: blockquote.parentNode, offset: Array.prototype.indexOf.call(blockquote.parentNode.childNodes, blockquote) };
  }
  const words = firstLine.split(/\s+/).slice(0, MATCH_WORDS).map(escapeRegExp);
  // Between words the HTML may have any whitespace, or none where an element ends and the next begins.
  const pattern = new RegExp(words.join('\\s*'));
  const nodes: Text[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const text = nodes.map((node) => node.data).join('');
  const match = pattern.exec(text);
  if (!match) return null;
  let offset = match.index;
  for (const node of nodes) {
    if (offset < node.data.length) return { node, offset };
    offset -= node.data.length;
  }
  return null;
}

function hasContent(node: Node): boolean {
  return (node.textContent ?? '').trim() !== '' || (node instanceof Element && node.querySelector('img') !== null);
}

/** Drops what is left empty at the end once the quote is gone: blank text, line breaks, rules, empty wrappers. */
function trimEnd(node: Node): void {
  for (let last = node.lastChild; last; last = node.lastChild) {
    const element = last instanceof Element ? last : null;
    const empty = element ? element.tagName !== 'IMG' && !hasContent(element) : !hasContent(last);
    if (!empty) {
      if (element) trimEnd(element);
      return;
    }
    last.remove();
  }
}
