import sanitizeHtml from 'sanitize-html';

export interface SanitizedHtml {
  html: string;
  /** At least one image pointed at a remote server and now waits in data-remote-src. */
  hasRemoteImages: boolean;
  /** The cid: references left in image sources, without the scheme. */
  contentIds: string[];
}

const TABLE_CELL = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height', 'bgcolor'];
const RASTER_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

/**
 * Sanitizes mail HTML for display inside the console.
 *
 * Kept: formatting, lists, tables, links and images. Dropped: scripts, styles (inline `style`
 * included), frames, objects, forms and their controls, SVG and MathML (with their content), event
 * handlers, ids and classes (they would clash with the page), comments. Links keep http, https,
 * mailto and cid targets only and open in a new tab with rel="noopener noreferrer".
 *
 * Images: `cid:` sources stay as written, so the caller can map `cid:<contentId>` to the stored
 * attachment; small raster `data:` images stay; remote (http, https, protocol-relative) sources
 * are removed and kept in `data-remote-src` for the viewer to load on request; anything else loses
 * its source.
 */
export function sanitizeMailHtml(html: string): SanitizedHtml {
  let hasRemoteImages = false;
  const contentIds = new Set<string>();
  const output = sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'del', 'ins', 'strike', 'tt', 'big'],
    allowedAttributes: {
      '*': ['dir', 'lang', 'title', 'align'],
      a: ['href', 'rel', 'target'],
      img: ['src', 'alt', 'width', 'height', 'data-remote-src'],
      font: ['color', 'face', 'size'],
      table: ['width', 'border', 'cellpadding', 'cellspacing', 'bgcolor'],
      tr: ['valign', 'bgcolor'],
      td: TABLE_CELL,
      th: TABLE_CELL,
      col: ['span', 'width'],
      colgroup: ['span', 'width'],
      ol: ['start', 'type'],
      li: ['value'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'cid'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Not only hidden: their text would otherwise show up as stray words in the mail.
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'select',
      'xmp',
      'noscript',
      'title',
      'head',
      'template',
      'svg',
      'math',
      'iframe',
      'object',
      'applet',
      'noembed',
      'noframes',
      'xml',
    ],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'noopener noreferrer', target: '_blank' } }),
      img: (tagName, attribs) => {
        const { src = '', alt, width, height } = attribs;
        const kept = { ...(alt !== undefined ? { alt } : {}), ...(width ? { width } : {}), ...(height ? { height } : {}) };
        const source = src.trim();
        if (/^cid:/i.test(source)) {
          contentIds.add(source.slice(4));
          return { tagName, attribs: { ...kept, src: source } };
        }
        const remote = remoteUrl(source);
        if (remote) {
          hasRemoteImages = true;
          return { tagName, attribs: { ...kept, 'data-remote-src': remote } };
        }
        if (RASTER_DATA_IMAGE.test(source)) return { tagName, attribs: { ...kept, src: source } };
        return { tagName, attribs: kept };
      },
    },
  });
  return { html: output, hasRemoteImages, contentIds: [...contentIds] };
}

/** An http(s) image address as a full URL, or null (protocol-relative becomes https). */
function remoteUrl(source: string): string | null {
  const candidate = source.startsWith('//') ? `https:${source}` : source;
  if (!/^https?:\/\//i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
