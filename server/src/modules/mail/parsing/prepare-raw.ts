import { rewriteUtf7 } from './utf7.js';

/** `Content-Type: multipart/mixed;` with `boundary=...` on the next line, not folded (Verizon, Apache James). */
const UNFOLDED_PARAMETER = /^(Content-Type:[^\r\n]*?);?([ \t]*\r?\n)((?:boundary|charset|name|report-type)[ \t]*=)/gim;
/** `Content-Type: text/plain` with a folded parameter but no semicolon before it. */
const MISSING_SEMICOLON = /^(Content-Type:[ \t]*[\w.+-]+\/[\w.+-]+)([ \t]*\r?\n[ \t]+)(?=[\w-]+[ \t]*=)/gim;

/** A Q-encoded word (RFC 2047) whose text carries raw 8-bit bytes (read as latin1, one character a byte). */
const Q_WORD_WITH_8BIT = /=\?([^?\s]+)\?([Qq])\?([^?\r\n]*[\x80-\xff][^?\r\n]*)\?=/g;

/**
 * Old mailers put raw 8-bit bytes into Q-encoded words (`=?iso-8859-1?Q?Fr\xF6sche?=`) instead of
 * `=F6`. mailparser reads header bytes as UTF-8 before it decodes the word, so such bytes become
 * replacement characters. Writing each raw byte as its `=XX` escape lets the word be decoded by the
 * charset it declares, as other mail readers do. Only the message's own header block is touched.
 */
export function escapeRawBytesInEncodedWords(source: string): string {
  const end = source.search(/\r?\n\r?\n/);
  const head = end === -1 ? source : source.slice(0, end);
  const fixed = head.replace(
    Q_WORD_WITH_8BIT,
    (_word, charset: string, q: string, text: string) =>
      `=?${charset}?${q}?${text.replace(/[\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}?=`,
  );
  return fixed === head ? source : fixed + source.slice(head.length);
}

/**
 * Prepares a raw message for mailparser: repairs the two Content-Type mistakes that otherwise
 * lose a whole part (a parameter on an unfolded line, a parameter without its semicolon), escapes
 * raw 8-bit bytes in encoded words (see escapeRawBytesInEncodedWords) and turns UTF-7 into UTF-8
 * (see utf7.ts). Returns the input itself when nothing needed changing.
 */
export function prepareRaw(raw: Buffer): Buffer {
  const source = raw.toString('latin1');
  const repaired = rewriteUtf7(escapeRawBytesInEncodedWords(source.replace(UNFOLDED_PARAMETER, '$1;$2\t$3').replace(MISSING_SEMICOLON, '$1;$2')));
  return repaired === source ? raw : Buffer.from(repaired, 'latin1');
}
