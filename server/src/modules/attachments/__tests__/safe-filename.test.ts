import { describe, expect, it } from 'vitest';
import { FILENAME_MAX, safeContentType, safeFilename } from '../safe-filename.js';

describe('safeFilename', () => {
  it.each([
    ['../x', 'x'],
    ['..\\..\\windows\\system32\\evil.dll', 'evil.dll'],
    ['/etc/passwd', 'passwd'],
    ['.htaccess', '_htaccess'],
    ['.htaccess\u200b', '_htaccess'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u0000b.txt', 'ab.txt'],
    ['report.pdf. . .', 'report.pdf'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['what?<>|.txt', 'what____.txt'],
    ['', 'attachment'],
    ['...', 'attachment'],
    ['\u200b', 'attachment'],
    ['Rechnung März.pdf', 'Rechnung März.pdf'],
    ['Cafe\u0301.txt', 'Café.txt'],
  ])('%j -> %j', (raw, expected) => {
    expect(safeFilename(raw)).toBe(expected);
  });

  it('shortens long names and keeps the extension', () => {
    const name = safeFilename(`${'a'.repeat(500)}.pdf`);
    expect(name).toHaveLength(FILENAME_MAX);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('safeContentType', () => {
  it.each([
    ['image/png', 'image/png'],
    ['text/html; charset=utf-8', 'text/html'],
    ['IMAGE/JPEG', 'image/jpeg'],
    ['nonsense', 'application/octet-stream'],
    [undefined, 'application/octet-stream'],
    ['text/html\r\nX-Injected: 1', 'application/octet-stream'],
  ])('%j -> %j', (raw, expected) => {
    expect(safeContentType(raw)).toBe(expected);
  });
});
