import { rewriteUtf7 } from './utf7.js';

/** `Content-Type: multipart/mixed;` with `boundary=...` on the next line, not folded (Verizon, Apache James). */
const UNFOLDED_PARAMETER = /^(Content-Type:[^\r\n]*?);?([ \t]*\r?\n)((?:boundary|charset|name|report-type)[ \t]*=)/gim;
/** `Content-Type: text/plain` with a folded parameter but no semicolon before it. */
const MISSING_SEMICOLON = /^(Content-Type:[ \t]*[\w.+-]+\/[\w.+-]+)([ \t]*\r?\n[ \t]+)(?=[\w-]+[ \t]*=)/gim;

/**
 * Prepares a raw message for mailparser: repairs the two Content-Type mistakes that otherwise
 * lose a whole part (a parameter on an unfolded line, a parameter without its semicolon) and
 * turns UTF-7 into UTF-8 (see utf7.ts). Returns the input itself when nothing needed changing.
 */
export function prepareRaw(raw: Buffer): Buffer {
  const source = raw.toString('latin1');
  const repaired = rewriteUtf7(source.replace(UNFOLDED_PARAMETER, '$1;$2\t$3').replace(MISSING_SEMICOLON, '$1;$2'));
  return repaired === source ? raw : Buffer.from(repaired, 'latin1');
}
