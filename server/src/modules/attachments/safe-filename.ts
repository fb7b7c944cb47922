/** Longest stored file name, in characters. */
export const FILENAME_MAX = 180;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * Turns a file name from outside (upload, mail) into one that is safe to store and offer for
 * download: no path (only the last segment of / or \), no control characters (NUL included), no
 * bidirectional overrides that could disguise the extension ("invoice\u202Efdp.exe"), no invisible
 * characters, no leading dots (".htaccess" becomes "_htaccess"), no trailing dots or spaces, no
 * Windows device names, at most FILENAME_MAX characters with the extension kept. Never empty.
 */
export function safeFilename(raw: string): string {
  let name = raw.normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  // Controls, bidi embeddings/overrides/isolates, zero-width and other invisible format characters.
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g, '');
  name = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  name = name.replace(/[. ]+$/, '');
  if (name.startsWith('.')) name = `_${name.replace(/^\.+/, '')}`;
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > FILENAME_MAX) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, FILENAME_MAX - extension.length) + extension;
  }
  return name === '' || name === '_' ? 'attachment' : name;
}

/** A MIME type as declared, if it looks like one; otherwise application/octet-stream. */
export function safeContentType(raw: string | undefined): string {
  const value = (raw ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(value) ? value : 'application/octet-stream';
}
