/**
 * UTF-7 support that mailparser leaves out on purpose: it refuses to decode UTF-7 because
 * `+ADw-script+AD4-` becomes `<script>` and could slip past a filter that looks for `<`. Tresen
 * sanitizes HTML after decoding and shows text as text, so decoding is safe here, and real mail
 * needs it (Outlook and Hotmail still send bounces as `unicode-1-1-utf-7`).
 */

/** UTF-7 and its aliases, compared the way iconv-lite does (case and punctuation ignored). */
const UTF7_NAME = /^(?:(?:cs)?unicode11)?utf7$/;
const ENCODED_WORD = /=\?([^?\s*]+)(\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g;
/** A charset parameter or encoded word naming UTF-7 (not just "utf7", which base64 data is full of). */
const MENTIONS_UTF7 = /charset[ \t]*=[ \t]*"?[a-z0-9_-]*utf-?7|=\?[a-z0-9_-]*utf-?7[*?]/i;
const BOUNDARY_PARAM = /boundary\s*=\s*(?:"([^"\r\n]+)"|([^\s;"]+))/gi;

function isUtf7Charset(charset: string): boolean {
  return UTF7_NAME.test(charset.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** Decodes UTF-7 (RFC 2152): `+` starts base64 of UTF-16BE, an optional `-` ends it, `+-` is a plus sign. */
export function decodeUtf7(input: string): string {
  return input.replace(/\+([A-Za-z0-9+/]*)-?/g, (_match, run: string) => {
    if (run === '') return '+';
    const bytes = Buffer.from(run, 'base64');
    // Leftover bits that do not make a whole UTF-16 unit are padding, as the RFC says.
    return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)))
      .swap16()
      .toString('utf16le');
  });
}

/**
 * Rewrites every UTF-7 text body and encoded word of a raw message (bytes as latin1 characters)
 * to UTF-8 so that mailparser decodes it; everything else is left byte for byte. Returns the input
 * itself when the message does not mention UTF-7 (nearly all mail, so that costs one search).
 *
 * The walk over the MIME structure is deliberately simple: a header block starts the message and
 * follows every boundary line of a `boundary=` parameter seen anywhere in the message; its body
 * runs to the next boundary line. That is enough to find the UTF-7 parts, which are plain text.
 */
export function rewriteUtf7(source: string): string {
  if (!MENTIONS_UTF7.test(source)) return source;
  const boundaries = new Set([...source.matchAll(BOUNDARY_PARAM)].map((m) => (m[1] ?? m[2] ?? '').trim()));
  const isDelimiter = (line: string): boolean => {
    const t = line.trimEnd();
    if (!t.startsWith('--')) return false;
    return boundaries.has(t.slice(2)) || (t.endsWith('--') && boundaries.has(t.slice(2, -2)));
  };
  const lines = source.split(/(?<=\n)/);
  const out: string[] = [];
  let i = 0;
  let atHeader = true;
  while (i < lines.length) {
    if (!atHeader) {
      const line = lines[i++]!;
      out.push(line);
      if (isDelimiter(line) && !line.trimEnd().endsWith('--')) atHeader = true;
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i]!.trim() !== '' && !isDelimiter(lines[i]!)) i++;
    const header = lines.slice(start, i).join('');
    const blank = i < lines.length && !isDelimiter(lines[i]!) ? lines[i++]! : '';
    const bodyStart = i;
    while (i < lines.length && !isDelimiter(lines[i]!)) i++;
    out.push(rewritePart(header.replace(ENCODED_WORD, rewriteEncodedWord), blank, lines.slice(bodyStart, i).join('')));
    atHeader = false;
  }
  return out.join('');
}

function rewriteEncodedWord(word: string, charset: string, _language: string | undefined, encoding: string, data: string): string {
  if (!isUtf7Charset(charset)) return word;
  const ascii = encoding.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('latin1') : decodeQuotedPrintable(data.replace(/_/g, ' '));
  return `=?UTF-8?B?${Buffer.from(decodeUtf7(ascii), 'utf8').toString('base64')}?=`;
}

function rewritePart(header: string, blank: string, body: string): string {
  const unfolded = header.replace(/\r?\n[ \t]+/g, ' ');
  const contentType = /^content-type:(.*)$/im.exec(unfolded)?.[1] ?? '';
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? '';
  if (!isUtf7Charset(charset) || /^\s*multipart\//i.test(contentType)) return header + blank + body;
  const transfer = (/^content-transfer-encoding:\s*([^\s;]+)/im.exec(unfolded)?.[1] ?? '').toLowerCase();
  const newline = blank === '' ? '\r\n' : blank.replace(/[^\r\n]/g, '');
  // The line break in front of a boundary belongs to the boundary, not to the content.
  const ending = /\r?\n$/.exec(body)?.[0] ?? '';
  const content = body.slice(0, body.length - ending.length);
  const ascii =
    transfer === 'base64' ? Buffer.from(content, 'base64').toString('latin1') : transfer === 'quoted-printable' ? decodeQuotedPrintable(content) : content;
  const encoded = (
    Buffer.from(decodeUtf7(ascii), 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(newline);
  let rewritten = header.replace(/(charset\s*=\s*)"?[^";\s]+"?/i, '$1"UTF-8"');
  if (/^content-transfer-encoding:/im.test(rewritten)) {
    rewritten = rewritten.replace(/^(content-transfer-encoding:)[^\r\n]*/im, '$1 base64');
  } else {
    rewritten = `${rewritten}Content-Transfer-Encoding: base64${newline}`;
  }
  return rewritten + (blank === '' ? newline : blank) + encoded + (encoded === '' ? '' : newline);
}

function decodeQuotedPrintable(input: string): string {
  return input.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
