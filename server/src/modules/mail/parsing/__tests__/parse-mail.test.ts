import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_LIMITS, MailParseError, parseMail, type MailLimits } from '../parse-mail.js';

/** A raw message: header lines, a blank line, the body (LF line ends; mailparser takes both). */
function mail(headers: readonly string[], body: string | Buffer = 'Hello.\n'): Buffer {
  return Buffer.concat([Buffer.from([...headers, '', ''].join('\n'), 'latin1'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
}

const HUMAN = [
  'From: Jane Doe <Jane.Doe@Example.org>',
  'To: support@tresen.example',
  'Subject: Printer on fire',
  'Date: Mon, 3 Jun 2024 10:00:00 +0200',
  'Message-ID: <abc.123@example.org>',
];

function text(charset: string, bytes: Buffer, subject = 'Charset'): Buffer {
  return mail(
    [
      ...HUMAN.filter((h) => !h.startsWith('Subject')),
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      `Content-Type: text/plain; charset=${charset}`,
      'Content-Transfer-Encoding: 8bit',
    ],
    bytes,
  );
}

async function parseError(raw: Buffer, limits?: MailLimits): Promise<MailParseError> {
  const error = await parseMail(raw, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailParseError);
  return error as MailParseError;
}

describe('parseMail: headers', () => {
  it('reads ids without brackets, addresses as written, the date and the Return-Path', async () => {
    const parsed = await parseMail(
      mail([
        ...HUMAN,
        'Return-Path: <bounces+123@example.org>',
        'Cc: "Doe, John" <john@example.org>, undisclosed-recipients:;',
        'Reply-To: Team <team@example.org>',
        'In-Reply-To: <tresen.1@support.example>',
        'References: <first@example.org>\n <tresen.1@support.example> <first@example.org>',
      ]),
    );
    expect(parsed.messageId).toBe('abc.123@example.org');
    expect(parsed.inReplyTo).toEqual(['tresen.1@support.example']);
    expect(parsed.references).toEqual(['first@example.org', 'tresen.1@support.example']);
    expect(parsed.from).toEqual({ name: 'Jane Doe', address: 'Jane.Doe@Example.org' });
    expect(parsed.to).toEqual([{ name: '', address: 'support@tresen.example' }]);
    expect(parsed.cc).toEqual([{ name: 'Doe, John', address: 'john@example.org' }]);
    expect(parsed.replyTo).toEqual([{ name: 'Team', address: 'team@example.org' }]);
    expect(parsed.returnPath).toBe('bounces+123@example.org');
    expect(parsed.date?.toISOString()).toBe('2024-06-03T08:00:00.000Z');
    expect(parsed.subject).toBe('Printer on fire');
  });

  it('reads CRLF and LF line ends alike', async () => {
    const lf = mail(HUMAN, 'Line one\nLine two\n');
    const crlf = Buffer.from(lf.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    const [a, b] = await Promise.all([parseMail(lf), parseMail(crlf)]);
    expect(b).toEqual(a);
    expect(b.text).toBe('Line one\nLine two');
  });

  it('gives null for an absent or empty Message-ID, an unreadable date and an absent Return-Path', async () => {
    const parsed = await parseMail(mail(['From: jane@example.org', 'Subject: x', 'Message-ID: <>', 'Date: yesterday-ish']));
    expect(parsed.messageId).toBeNull();
    expect(parsed.date).toBeNull();
    expect(parsed.returnPath).toBeNull();
    expect((await parseMail(mail(['From: jane@example.org']))).messageId).toBeNull();
    expect((await parseMail(mail(['From: jane@example.org']))).subject).toBe('');
  });

  it('decodes encoded-word subjects and display names (B and Q, adjacent words joined)', async () => {
    const parsed = await parseMail(
      mail([
        'From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@example.de>',
        'To: support@tresen.example',
        'Subject: =?UTF-8?B?R3LDvMOfZSBhdXM=?= =?ISO-8859-1?Q?_K=F6ln?= und =?windows-1252?Q?=80_100?=',
      ]),
    );
    expect(parsed.subject).toBe('Grüße aus Köln und € 100');
    expect(parsed.from).toEqual({ name: 'Jörg Müller', address: 'joerg@example.de' });
  });

  it('decodes raw 8-bit bytes inside Q encoded words by the charset the word declares', async () => {
    // Each header is written byte for byte (latin1 below means "this byte"), as old mailers send it.
    const cases: [string, string][] = [
      ['=?iso-8859-1?Q?Fr\xF6sche_und_K\xE4fer?=', 'Frösche und Käfer'],
      ['=?windows-1252?Q?\x80_100_f\xFCr_Gr\xF6\xDFe?=', '€ 100 für Größe'],
      ['=?ISO-8859-15?Q?Preis_\xA4_5?=', 'Preis € 5'],
      ['=?iso-8859-2?Q?\xA3\xF3d\xBC?=', 'Łódź'],
      ['=?koi8-r?Q?\xF0\xD2\xC9\xD7\xC5\xD4?=', 'Привет'],
      ['=?utf-8?Q?Fr\xC3\xB6sche?=', 'Frösche'],
      ['=?iso-8859-1?q?Mixed_=E4_and_\xF6?=', 'Mixed ä and ö'],
    ];
    for (const [subject, expected] of cases) {
      const parsed = await parseMail(mail([...HUMAN.filter((h) => !h.startsWith('Subject')), `Subject: ${subject}`]));
      expect(parsed.subject, subject).toBe(expected);
      expect(parsed.subject).not.toContain('\uFFFD');
    }
    const named = await parseMail(mail(['From: =?iso-8859-1?Q?J\xFCrgen_M\xFCller?= <juergen@example.de>', 'To: support@tresen.example', 'Subject: Hallo']));
    expect(named.from).toEqual({ name: 'Jürgen Müller', address: 'juergen@example.de' });
  });

  it('leaves the body alone when it contains something that looks like an encoded word', async () => {
    const raw = text('iso-8859-1', Buffer.from('Schreiben Sie =?iso-8859-1?Q?Gr\xFC\xDFe?= so.\n', 'latin1'));
    expect((await parseMail(raw)).text).toContain('=?iso-8859-1?Q?Grüße?=');
  });
});

describe('parseMail: charsets', () => {
  it.each([
    ['ISO-8859-1', '4772fcdf6520617573204bf66c6e', 'Grüße aus Köln'],
    ['ISO-8859-2', 'a3f364bc2c204b72616bf377', 'Łódź, Kraków'],
    ['ISO-8859-15', '50726569733a20313020a4', 'Preis: 10 €'],
    ['Windows-1250', '8e6c759d6f75e86bfd206bf9f2', 'Žluťoučký kůň'],
    ['Windows-1251', 'cff0e8e2e5f22c20ece8f0', 'Привет, мир'],
    ['Windows-1252', '84416e66fc6872756e6793209620352080', '„Anführung“ – 5 €'],
    ['UTF-7', '47722b4150774133772d65202b4144772d622b4144342d', 'Grüße <b>'],
    ['unicode-1-1-utf-7', '47722b4150774133772d65', 'Grüße'],
    ['ISO-2022-JP', '1b2442467c4b5c386c244e2561213c256b1b2842', '日本語のメール'],
    ['ks_c_5601-1987', 'c7d1b1b9beee20b8dec0cf', '한국어 메일'],
  ])('decodes a %s body', async (charset, hex, expected) => {
    expect((await parseMail(text(charset, Buffer.from(hex, 'hex')))).text).toBe(expected);
  });

  it('decodes UTF-7 in quoted-printable and base64 bodies, in encoded words, and leaves other parts alone', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: =?utf-7?Q?Gr+APwA3w-e?=', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"'],
      [
        '--b1',
        'Content-Type: text/plain; charset="utf-7"',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Preis +AD0- 1+-1 +IKw-',
        '--b1',
        'Content-Type: text/plain; charset=utf-7',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('Sch+APY-n').toString('base64'),
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'a+b stays a+b',
        '--b1--',
        '',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.subject).toBe('Grüße');
    expect(parsed.text).toBe('Preis = 1+1 €\nSchön\na+b stays a+b');
  });

  it('sanitizes UTF-7 HTML after decoding it, so encoded markup cannot slip through', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: utf7', 'Content-Type: text/html; charset=utf-7'],
      '+ADw-p+AD4-Hi+ADw-/p+AD4-+ADw-script+AD4-alert(1)+ADw-/script+AD4-+ADw-img src+AD0-x onerror+AD0-alert(2)+AD4-\n',
    );
    const parsed = await parseMail(raw);
    expect(parsed.html).toBe('<p>Hi</p><img />');
  });
});

describe('parseMail: structure and attachments', () => {
  it('takes text and HTML from multipart/alternative nested in multipart/mixed, the file beside it', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: nested', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=outer'],
      [
        '--outer',
        'Content-Type: multipart/alternative; boundary=inner',
        '',
        '--inner',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Plain version',
        '--inner',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>HTML <b>version</b></p>',
        '--inner--',
        '--outer',
        'Content-Type: application/pdf; name="invoice.pdf"',
        'Content-Disposition: attachment; filename="invoice.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 fake').toString('base64'),
        '--outer--',
        '',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.text).toBe('Plain version');
    expect(parsed.html).toBe('<p>HTML <b>version</b></p>');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ filename: 'invoice.pdf', contentType: 'application/pdf', contentId: null, inline: false });
    expect(parsed.attachments[0]!.content.toString()).toBe('%PDF-1.4 fake');
  });

  it('reads RFC 2231 file names, encoded and continued', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: files', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b'],
      [
        '--b',
        'Content-Type: text/plain',
        '',
        'see attached',
        '--b',
        'Content-Type: application/octet-stream',
        "Content-Disposition: attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%82%AC.pdf",
        '',
        'x',
        '--b',
        'Content-Type: application/octet-stream',
        "Content-Disposition: attachment; filename*0*=iso-8859-1''Gr%FC%DFe%20aus;",
        ' filename*1*=%20K%F6ln.txt',
        '',
        'y',
        '--b--',
        '',
      ].join('\n'),
    );
    expect((await parseMail(raw)).attachments.map((a) => a.filename)).toEqual(['Résumé €.pdf', 'Grüße aus Köln.txt']);
  });

  it('marks a cid image the HTML shows as inline and keeps its cid: reference; an unreferenced one is a plain attachment', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const raw = mail(
      ['From: a@example.org', 'Subject: logo', 'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary=rel'],
      [
        '--rel',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Logo: <img src="cid:logo.1@example.org" alt="Logo"></p>',
        '--rel',
        'Content-Type: image/png',
        'Content-ID: <logo.1@example.org>',
        'Content-Transfer-Encoding: base64',
        '',
        png.toString('base64'),
        '--rel',
        'Content-Type: image/png; name="spare.png"',
        'Content-ID: <spare@example.org>',
        'Content-Transfer-Encoding: base64',
        '',
        png.toString('base64'),
        '--rel--',
        '',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.html).toBe('<p>Logo: <img alt="Logo" src="cid:logo.1@example.org" /></p>');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.contentId, a.inline])).toEqual([
      ['image.png', 'image/png', 'logo.1@example.org', true],
      ['spare.png', 'image/png', 'spare@example.org', false],
    ]);
    expect(parsed.attachments[0]!.content.equals(png)).toBe(true);
    expect(parsed.hasRemoteImages).toBe(false);
  });

  it('keeps a forwarded message/rfc822 part whole as an .eml attachment', async () => {
    const inner = ['From: boss@example.org', 'Subject: Original question', 'Message-ID: <inner@example.org>', '', 'Can you check this?', ''].join('\n');
    const raw = mail(
      ['From: a@example.org', 'Subject: Fwd: Original question', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b'],
      [
        '--b',
        'Content-Type: text/plain',
        '',
        'See below.',
        '--b',
        'Content-Type: message/rfc822',
        '',
        inner,
        '--b',
        'Content-Type: message/rfc822; name="Question"',
        'Content-Disposition: inline',
        '',
        inner,
        '--b--',
        '',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.text).toBe('See below.');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['message.eml', 'message/rfc822'],
      ['Question.eml', 'message/rfc822'],
    ]);
    expect(parsed.attachments[0]!.content.toString()).toContain('Message-ID: <inner@example.org>');
  });

  it('keeps winmail.dat (application/ms-tnef) as an attachment', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: Outlook', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b'],
      [
        '--b',
        'Content-Type: text/plain',
        '',
        'Rich text lost',
        '--b',
        'Content-Type: application/ms-tnef; name="winmail.dat"',
        'Content-Disposition: attachment; filename="winmail.dat"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('789f3e22000000', 'hex').toString('base64'),
        '--b--',
        '',
      ].join('\n'),
    );
    expect((await parseMail(raw)).attachments.map((a) => [a.filename, a.contentType, a.content.toString('hex')])).toEqual([
      ['winmail.dat', 'application/ms-tnef', '789f3e22000000'],
    ]);
  });

  it('makes file names and content types safe: no paths, no control characters, no made-up types', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: files', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b'],
      [
        '--b',
        'Content-Type: text/plain',
        '',
        'x',
        '--b',
        'Content-Type: text/x-evil<script>; name="x"',
        'Content-Disposition: attachment; filename="..\\\\..\\\\windows\\\\evil\u0007.exe"',
        '',
        'y',
        '--b',
        'Content-Type: application/octet-stream',
        'Content-Disposition: attachment; filename="../../etc/passwd"',
        '',
        'z',
        '--b--',
        '',
      ].join('\n'),
    );
    const files = (await parseMail(raw)).attachments;
    expect(files.map((a) => a.filename)).toEqual(['evil.exe', 'passwd']);
    expect(files[0]!.contentType).toBe('application/octet-stream');
  });
});

describe('parseMail: limits and unreadable input', () => {
  it('drops NUL characters, which PostgreSQL text cannot hold, from subject, names, body and HTML', async () => {
    const parsed = await parseMail(
      mail(
        ['From: =?utf-8?B?SmFuZQBEb2U=?= <jane@example.org>', 'Subject: =?utf-8?B?UHJpbnRlcgBvbiBmaXJl?=', 'Content-Type: text/html; charset=utf-8'],
        '<p>Hot\u0000 paper</p>',
      ),
    );
    const strings = [parsed.subject, parsed.from?.name ?? '', parsed.text, parsed.newText, parsed.html ?? ''];
    expect(strings.some((s) => s.includes('\u0000'))).toBe(false);
    expect(parsed.subject).toBe('Printeron fire');
    expect(parsed.from?.name).toBe('JaneDoe');
    expect(parsed.html).toContain('Hot paper');
  });

  it('exports the documented defaults', () => {
    expect(DEFAULT_MAIL_LIMITS).toEqual({ maxRawBytes: 40 * 1024 * 1024, maxParts: 500, maxAttachmentBytes: 25 * 1024 * 1024 });
  });

  it('refuses a message over the size limit before parsing it, saying both sizes', async () => {
    const big = Buffer.alloc(52 * 1024 * 1024);
    expect((await parseError(big)).reason).toBe('The message is 52 MB; the limit is 40 MB.');
    const small = { ...DEFAULT_MAIL_LIMITS, maxRawBytes: 100 };
    expect((await parseError(mail(HUMAN, 'x'.repeat(200)), small)).reason).toMatch(/^The message is \d+ bytes; the limit is 100 bytes\.$/);
  });

  it('refuses a message with more MIME parts than allowed', async () => {
    const parts = Array.from({ length: 12 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}`).join('\n');
    const raw = mail(['From: a@example.org', 'Subject: many', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b'], `${parts}\n--b--\n`);
    expect((await parseError(raw, { ...DEFAULT_MAIL_LIMITS, maxParts: 5 })).reason).toBe('The message has more than 5 MIME parts; the limit is 5.');
    expect((await parseMail(raw, { ...DEFAULT_MAIL_LIMITS, maxParts: 20 })).text).toContain('part 11');
  });

  it('refuses an attachment over the limit, naming it and both sizes', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: big file', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b'],
      [
        '--b',
        'Content-Type: text/plain',
        '',
        'x',
        '--b',
        'Content-Type: video/mp4; name="holiday.mp4"',
        'Content-Transfer-Encoding: base64',
        '',
        randomBytes(3000).toString('base64'),
        '--b--',
        '',
      ].join('\n'),
    );
    const error = await parseError(raw, { ...DEFAULT_MAIL_LIMITS, maxAttachmentBytes: 2048 });
    expect(error.reason).toBe('The attachment "holiday.mp4" is 3 KB; the limit for one attachment is 2 KB.');
  });

  it.each([
    ['an empty buffer', Buffer.alloc(0), 'The message is empty.'],
    ['random bytes', randomBytes(4096), 'not an e-mail message'],
    ['plain text', Buffer.from('hello world\nthis is not mail\n'), 'not an e-mail message'],
    ['a PDF', Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), 'not an e-mail message'],
  ])('refuses %s with a reason instead of crashing', async (_name, raw, reason) => {
    expect((await parseError(raw)).reason).toContain(reason);
  });

  it('reads broken real-world mail as far as it goes', async () => {
    // Header only, no body; an unfolded boundary parameter (Verizon, Apache James); a boundary that never occurs.
    expect((await parseMail(Buffer.from('From: a@example.org\nSubject: only headers'))).text).toBe('');
    const unfolded = mail(
      ['From: a@example.org', 'Subject: unfolded', 'Content-Type: multipart/alternative;', 'boundary="----=_Part_1"'],
      '------=_Part_1\nContent-Type: text/plain\n\nError: Invalid user address\n------=_Part_1--\n',
    );
    expect((await parseMail(unfolded)).text).toBe('Error: Invalid user address');
    const lost = mail(['From: a@example.org', 'Subject: lost', 'Content-Type: multipart/mixed; boundary="nowhere"'], 'Body without any part\n');
    expect((await parseMail(lost)).text).toBe('Body without any part');
  });
});

describe('parseMail: HTML sanitization', () => {
  async function html(body: string) {
    const parsed = await parseMail(mail(['From: a@example.org', 'Subject: html', 'Content-Type: text/html; charset=utf-8'], body));
    return { html: parsed.html ?? '', remote: parsed.hasRemoteImages };
  }

  it('drops scripts, styles, frames, objects, forms, SVG and MathML with their content', async () => {
    const { html: out } = await html(
      [
        '<html><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head><body>',
        '<p>Hello</p><script>alert(2)</script><iframe src="https://evil.example"></iframe>',
        '<object data="x.swf"></object><embed src="x.swf">',
        '<form action="https://evil.example"><input name="pw"><button>Send</button><select><option>o</option></select></form>',
        '<svg><script>alert(3)</script><a xlink:href="javascript:alert(4)"><text>svg text</text></a></svg>',
        '<math><mi>x</mi></math><noscript>ns</noscript></body></html>',
      ].join(''),
    );
    expect(out).toBe('<p>Hello</p>Send');
  });

  it('removes event handlers, inline styles, ids and classes', async () => {
    const { html: out } = await html(
      '<p onclick="alert(1)" style="color:red" id="x" class="y">a</p><img src="cid:x" onerror="alert(1)"><body onload="alert(2)">b</body>',
    );
    expect(out).toBe('<p>a</p><img src="cid:x" />b');
    expect(out).not.toMatch(/ on\w+=/);
  });

  it('keeps http, https, mailto and cid links, opening in a new tab; drops javascript: and data: links', async () => {
    const { html: out } = await html(
      [
        '<a href="https://example.org/a?b=1&c=2">web</a>',
        '<a href="mailto:jane@example.org">mail</a>',
        '<a href="cid:part1@example.org">part</a>',
        '<a href="javascript:alert(1)">js</a>',
        '<a href="JaVa&#x09;ScRiPt:alert(1)">js2</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
        '<a href="//evil.example/x">proto-relative</a>',
      ].join(' '),
    );
    const links = [...out.matchAll(/<a([^>]*)>/g)].map((m) => m[1]);
    expect(links).toEqual([
      ' href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank"',
      ' href="mailto:jane@example.org" rel="noopener noreferrer" target="_blank"',
      ' href="cid:part1@example.org" rel="noopener noreferrer" target="_blank"',
      ' rel="noopener noreferrer" target="_blank"',
      ' rel="noopener noreferrer" target="_blank"',
      ' rel="noopener noreferrer" target="_blank"',
      ' rel="noopener noreferrer" target="_blank"',
    ]);
    expect(out).not.toMatch(/javascript:|data:text/i);
  });

  it('parks remote images in data-remote-src and keeps cid and raster data: images', async () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgo=';
    const { html: out, remote } = await html(
      [
        '<img src="https://tracker.example/p.gif?u=1&amp;m=2" width="1" height="1" alt="">',
        '<img src="//cdn.example/logo.png">',
        '<img src="cid:logo@example.org">',
        `<img src="${pixel}">`,
        '<img src="data:image/svg+xml;base64,PHN2Zy8+">',
        '<img src="javascript:alert(1)">',
        '<img src="cid:a" data-remote-src="javascript:alert(1)">',
        '<table background="https://tracker.example/bg.png"><tr><td>cell</td></tr></table>',
      ].join(''),
    );
    expect(remote).toBe(true);
    expect(out).toBe(
      [
        '<img alt="" width="1" height="1" data-remote-src="https://tracker.example/p.gif?u=1&amp;m=2" />',
        '<img data-remote-src="https://cdn.example/logo.png" />',
        '<img src="cid:logo@example.org" />',
        `<img src="${pixel}" />`,
        '<img />',
        '<img />',
        '<img src="cid:a" />',
        '<table><tr><td>cell</td></tr></table>',
      ].join(''),
    );
    expect((await html('<p>no images</p>')).remote).toBe(false);
  });

  it('keeps tables and formatting', async () => {
    const { html: out } = await html(
      '<table border="1" cellpadding="2"><tr><th colspan="2">H</th></tr><tr><td valign="top">a</td><td><font color="red">b</font></td></tr></table><ul><li><i>i</i> <u>u</u> <s>s</s></li></ul><blockquote>q</blockquote><br><hr>',
    );
    expect(out).toBe(
      '<table border="1" cellpadding="2"><tr><th colspan="2">H</th></tr><tr><td valign="top">a</td><td><font color="red">b</font></td></tr></table><ul><li><i>i</i> <u>u</u> <s>s</s></li></ul><blockquote>q</blockquote><br /><hr />',
    );
  });
});

describe('parseMail: quoted text', () => {
  it('derives the text from HTML-only mail and splits its quote too', async () => {
    const raw = mail(
      ['From: a@example.org', 'Subject: Re: Printer', 'Content-Type: text/html; charset=utf-8'],
      '<div>Thanks, works.</div><div class="gmail_quote"><div>On Mon, Jun 3, 2024 at 10:00 AM Support &lt;s@tresen.example&gt; wrote:<br></div><blockquote class="gmail_quote"><div>Please restart it.</div></blockquote></div>',
    );
    const parsed = await parseMail(raw);
    expect(parsed.text).toBe('Thanks, works.\nOn Mon, Jun 3, 2024 at 10:00 AM Support <s@tresen.example> wrote:\n\n> Please restart it.');
    expect(parsed.newText).toBe('Thanks, works.');
    expect(parsed.quotedText).toBe('On Mon, Jun 3, 2024 at 10:00 AM Support <s@tresen.example> wrote:\n\n> Please restart it.');
  });

  async function split(body: string) {
    const parsed = await parseMail(mail(HUMAN, body));
    return { newText: parsed.newText, quotedText: parsed.quotedText, text: parsed.text };
  }

  it('splits at "On ... wrote:", also when the mail client wrapped it', async () => {
    expect(
      await split('Thanks, that worked.\n\nOn Mon, Jun 3, 2024 at 10:00 AM Support <support@tresen.example> wrote:\n> Please restart it.\n> \n> Regards\n'),
    ).toEqual({
      newText: 'Thanks, that worked.',
      quotedText: 'On Mon, Jun 3, 2024 at 10:00 AM Support <support@tresen.example> wrote:\n> Please restart it.\n> \n> Regards',
      text: 'Thanks, that worked.\n\nOn Mon, Jun 3, 2024 at 10:00 AM Support <support@tresen.example> wrote:\n> Please restart it.\n> \n> Regards',
    });
    const wrapped = await split(
      'Still broken.\n\nOn Mon, Jun 3, 2024 at 10:00 AM Tresen Support Team <\nsupport@tresen.example> wrote:\n\n> Please restart it.\n',
    );
    expect(wrapped.newText).toBe('Still broken.');
    expect(wrapped.quotedText).toMatch(/^On Mon, Jun 3/);
  });

  it('splits at "Am ... schrieb ...:" (German)', async () => {
    const result = await split('Danke, läuft wieder.\n\nAm 03.06.2024 um 10:00 schrieb Support <support@tresen.example>:\n> Bitte neu starten.\n');
    expect(result.newText).toBe('Danke, läuft wieder.');
    expect(result.quotedText).toBe('Am 03.06.2024 um 10:00 schrieb Support <support@tresen.example>:\n> Bitte neu starten.');
  });

  it('splits at Outlook separators and From/Sent blocks, English and German', async () => {
    const cases = [
      ['Works now.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nPlease restart it.', '-----Original Message-----'],
      ['Geht wieder.\n\n-----Ursprüngliche Nachricht-----\nVon: Support\nGesendet: Montag\n\nBitte neu starten.', '-----Ursprüngliche Nachricht-----'],
      [
        'Works now.\n\n________________________________\nFrom: Support <support@tresen.example>\nSent: Monday, June 3, 2024 10:00 AM\nTo: Jane Doe\nSubject: RE: Printer on fire\n\nPlease restart it.',
        '________________________________',
      ],
      [
        'Geht wieder.\n\nVon: Support <support@tresen.example>\nGesendet: Montag, 3. Juni 2024 10:00\nAn: Jane Doe\nBetreff: AW: Drucker\n\nBitte neu starten.',
        'Von: Support',
      ],
    ] as const;
    for (const [body, quoteStart] of cases) {
      const result = await split(body);
      expect(result.newText).toBe(body.split('\n')[0]);
      expect(result.quotedText?.startsWith(quoteStart)).toBe(true);
    }
  });

  it('splits off a block of > quoted lines that ends the mail', async () => {
    expect(await split('Yes, please.\n\n> Shall we send a technician?\n>\n> Support\n')).toMatchObject({
      newText: 'Yes, please.',
      quotedText: '> Shall we send a technician?\n>\n> Support',
    });
  });

  it('keeps answers interleaved with quotes, forwarded messages and fully quoted mail whole', async () => {
    const interleaved = 'On Mon, Jun 3, 2024 Support wrote:\n> Is it on?\nYes.\n> Is it plugged in?\nNo, fixed now.\n';
    expect(await split(interleaved)).toMatchObject({ newText: interleaved.trimEnd(), quotedText: null });
    const forwarded =
      'See the mail below.\n\n---------- Forwarded message ---------\nFrom: Boss <boss@example.org>\nDate: Mon, Jun 3, 2024\nSubject: Printer\n\nFix the printer.\n';
    expect(await split(forwarded)).toMatchObject({ newText: forwarded.trimEnd(), quotedText: null });
    const outlookForward = 'FYI\n\n________________________________\nFrom: Boss\nSent: Monday\nSubject: FW: Printer\n\nFix it.';
    expect(await split(outlookForward)).toMatchObject({ newText: outlookForward.trimEnd(), quotedText: null });
    const allQuoted = '> only a quote\n> nothing new\n';
    expect(await split(allQuoted)).toMatchObject({ newText: allQuoted.trimEnd(), quotedText: null });
    const plain = 'Just a question, no quote.\n';
    expect(await split(plain)).toMatchObject({ newText: plain.trimEnd(), quotedText: null });
  });
});

describe('parseMail: automatic mail', () => {
  it('classifies a message a person wrote as not automatic and not a bounce', async () => {
    const parsed = await parseMail(
      mail([...HUMAN, 'Return-Path: <jane.doe@example.org>', 'User-Agent: Thunderbird'], 'My printer is on fire. Delivery of the new one failed too.\n'),
    );
    expect(parsed.automatic).toBeNull();
    expect(parsed.bounce).toBeNull();
    expect(parsed.autoReplySuppressed).toBe(false);
  });

  it('does not take a customer writing about a failed parcel delivery for a bounce', async () => {
    const parsed = await parseMail(
      mail([...HUMAN.filter((h) => !h.startsWith('Subject')), 'Subject: Delivery failed - order 4711'], 'The parcel could not be delivered.\n'),
    );
    expect(parsed.automatic).toBeNull();
    expect(parsed.bounce).toBeNull();
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'Auto-Submitted: auto-replied'],
    ['Auto-Submitted: auto-generated', 'Auto-Submitted: auto-generated'],
    ['X-Autoreply: yes', 'X-Autoreply: yes'],
    ['X-Autorespond: Out of office', 'X-Autorespond: Out of office'],
    ['Precedence: bulk', 'Precedence: bulk'],
    ['Precedence: junk', 'Precedence: junk'],
    ['Precedence: list', 'Precedence: list'],
    ['Precedence: auto_reply', 'Precedence: auto_reply'],
    ['List-Id: Printer fans <printers.lists.example.org>', 'Mailing list mail (List-Id)'],
    ['List-Unsubscribe: <https://news.example.org/unsubscribe?u=1>', 'Mailing list mail (List-Unsubscribe)'],
    ['Return-Path: <>', 'Empty Return-Path <> (the null sender of bounces and auto-replies)'],
    ['Sender: postmaster@example.org', 'Sent by the mail system account postmaster@example.org'],
  ])('treats a mail with "%s" as automatic', async (header, reason) => {
    const parsed = await parseMail(mail([...HUMAN, header]));
    expect(parsed.automatic).toEqual({ reason });
    expect(parsed.bounce).toBeNull();
  });

  it.each([
    ['X-Apple-Action: VACATION', 'Auto reply: Printer on fire', 'X-Apple-Action: VACATION (Apple iCloud Mail vacation reply)'],
    ['X-Autoreply-From: jane.doe@example.org', 'Printer on fire', 'X-Autoreply-From: jane.doe@example.org (Exim / cPanel autoresponder)'],
    ['X-Mail-Autoreply: yes', 'Printer on fire', 'X-Mail-Autoreply: yes (autoresponder (Mail.ru, Exim vacation))'],
    ['X-FC-MachineGenerated: true', 'Printer on fire', 'X-FC-MachineGenerated: true (OpenText FirstClass)'],
    ['X-POST-MessageClass: 9; Autoresponder', 'Printer on fire', 'X-POST-MessageClass: 9; Autoresponder (autoresponder (message class))'],
    ['Delivered-To: Autoresponder', 'Printer on fire', 'Delivered-To: Autoresponder (qmail autoresponder)'],
    [
      'X-MS-Exchange-Inbox-Rules-Loop: jane.doe@example.org',
      'Automatische Antwort: Printer on fire',
      'Microsoft Exchange inbox-rule reply (X-MS-Exchange-Inbox-Rules-Loop and an auto-reply subject)',
    ],
  ])('recognises the vendor auto-reply header "%s"', async (header, subject, reason) => {
    const parsed = await parseMail(mail([...HUMAN.filter((h) => !h.startsWith('Subject')), `Subject: ${subject}`, header]));
    expect(parsed.automatic).toEqual({ reason });
  });

  it('does not take a person for a machine: vendor header values that say no, an inbox rule forwarding mail, an "Out of office" subject alone', async () => {
    const base = HUMAN.filter((h) => !h.startsWith('Subject'));
    expect((await parseMail(mail([...base, 'Subject: Hallo', 'X-FC-MachineGenerated: false']))).automatic).toBeNull();
    expect((await parseMail(mail([...base, 'Subject: Hallo', 'X-Apple-Action: none']))).automatic).toBeNull();
    expect((await parseMail(mail([...base, 'Subject: FW: Rechnung', 'X-MS-Exchange-Inbox-Rules-Loop: jane.doe@example.org']))).automatic).toBeNull();
    expect((await parseMail(mail([...base, 'Subject: Out of office next week, please call me before']))).automatic).toBeNull();
    expect((await parseMail(mail([...base, 'Subject: Hallo', 'Delivered-To: support@tresen.example']))).automatic).toBeNull();
  });

  it('treats mail from MAILER-DAEMON as automatic, with or without an address', async () => {
    const base = HUMAN.filter((h) => !h.startsWith('From'));
    expect((await parseMail(mail([...base, 'From: MAILER-DAEMON@mx.example.org']))).automatic?.reason).toBe(
      'Sent by the mail system account MAILER-DAEMON@mx.example.org',
    );
    expect((await parseMail(mail([...base, 'From: Mail Delivery System <>']))).automatic?.reason).toBe(
      'Sent by the mail system account Mail Delivery System <>',
    );
  });

  it('does not treat Auto-Submitted: no as automatic', async () => {
    expect((await parseMail(mail([...HUMAN, 'Auto-Submitted: no']))).automatic).toBeNull();
  });

  it('does not treat X-Auto-Response-Suppress alone as automatic, but reports that no auto-reply is wanted', async () => {
    // Exchange adds the header to mail people write, e.g. everything sent through a distribution group.
    const parsed = await parseMail(mail([...HUMAN, 'X-Auto-Response-Suppress: DR, OOF, AutoReply']));
    expect(parsed.automatic).toBeNull();
    expect(parsed.autoReplySuppressed).toBe(true);
    expect((await parseMail(mail([...HUMAN, 'X-Auto-Response-Suppress: RN, NRN']))).autoReplySuppressed).toBe(false);
  });

  it('treats a read receipt (multipart/report) as automatic', async () => {
    const raw = mail(
      [
        'From: jane@example.org',
        'To: support@tresen.example',
        'Subject: Read: Printer',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=disposition-notification; boundary=r',
      ],
      [
        '--r',
        'Content-Type: text/plain',
        '',
        'Your message was read.',
        '--r',
        'Content-Type: message/disposition-notification',
        '',
        'Disposition: manual-action/MDN-sent-manually; displayed',
        '--r--',
        '',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.automatic).toEqual({ reason: 'Report (multipart/report; report-type=disposition-notification)' });
    expect(parsed.bounce).toBeNull();
  });

  it('treats a feedback report (ARF) as automatic but not as a bounce', async () => {
    const raw = mail(
      [
        'From: feedback@isp.example',
        'To: abuse@tresen.example',
        'Subject: FW: Printer',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report; boundary=f',
      ],
      [
        '--f',
        'Content-Type: text/plain',
        '',
        'This is an abuse report.',
        '--f',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        'Version: 1',
        '--f',
        'Content-Type: message/rfc822',
        '',
        'From: support@tresen.example',
        'Message-ID: <tresen.reply@tresen.example>',
        '',
        'Hi',
        '--f--',
        '',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.automatic).toEqual({ reason: 'Complaint: feedback report (ARF)' });
    expect(parsed.bounce).toBeNull();
  });
});

describe('parseMail: bounces', () => {
  it('reads an RFC 3464 report: failed recipients, status and the original Message-ID', async () => {
    const raw = mail(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
        'To: support@tresen.example',
        'Subject: Undelivered Mail Returned to Sender',
        'Return-Path: <>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary=d',
      ],
      [
        '--d',
        'Content-Type: text/plain',
        '',
        'I am sorry to have to inform you that your message could not be delivered.',
        '--d',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.net',
        '',
        'Final-Recipient: rfc822; Jane.Doe@Example.net',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
        '',
        'Final-Recipient: rfc822; late@example.net',
        'Action: delayed',
        'Status: 4.4.1',
        '',
        'Final-Recipient: rfc822; forwarded@elsewhere.example',
        'Original-Recipient: rfc822; info@example.net',
        'Action: failed',
        'Status: 5.2.2',
        '--d',
        'Content-Type: message/rfc822',
        '',
        'From: support@tresen.example',
        'To: jane.doe@example.net',
        'Message-ID: <tresen.42.abc@tresen.example>',
        'Subject: Re: Printer',
        '',
        'Please restart it.',
        '--d--',
        '',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.bounce).toEqual({
      originalMessageId: 'tresen.42.abc@tresen.example',
      failedRecipients: ['jane.doe@example.net', 'info@example.net'],
      status: '5.1.1',
    });
    expect(parsed.automatic).toEqual({ reason: 'Bounce: delivery status notification (RFC 3464)' });
    expect(parsed.text).toContain('Final-Recipient: rfc822; Jane.Doe@Example.net');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['message.eml']);
  });

  it('finds the original Message-ID in a text/rfc822-headers part', async () => {
    const raw = mail(
      [
        'From: MAILER-DAEMON@mx.example.net',
        'To: support@tresen.example',
        'Subject: Delivery Status Notification (Failure)',
        'Content-Type: multipart/report; report-type=delivery-status; boundary=d',
      ],
      [
        '--d',
        'Content-Type: message/delivery-status',
        '',
        'Final-Recipient: rfc822;gone@example.net',
        'Action: failed',
        'Status: 5.1.1',
        '--d',
        'Content-Type: text/rfc822-headers',
        '',
        'From: support@tresen.example',
        'Message-ID:',
        ' <folded.id@tresen.example>',
        '--d--',
        '',
      ].join('\n'),
    );
    expect((await parseMail(raw)).bounce).toEqual({ originalMessageId: 'folded.id@tresen.example', failedRecipients: ['gone@example.net'], status: '5.1.1' });
  });

  it('reads an Exim failure notice: X-Failed-Recipients and the returned copy', async () => {
    const raw = mail(
      [
        'From: Mail Delivery System <Mailer-Daemon@mx.example.net>',
        'To: support@tresen.example',
        'Subject: Mail delivery failed: returning message to sender',
        'X-Failed-Recipients: jane@example.net',
      ],
      [
        'This message was created automatically by mail delivery software.',
        '',
        'A message that you sent could not be delivered to one or more of its',
        'recipients. This is a permanent error. The following address(es) failed:',
        '',
        '  jane@example.net',
        '    host mx.example.net [192.0.2.1]',
        '    SMTP error from remote mail server after RCPT TO:<jane@example.net>:',
        '    550 5.1.1 User unknown',
        '',
        '------ This is a copy of the message, including all the headers. ------',
        '',
        'From: support@tresen.example',
        'To: jane@example.net',
        'Message-Id: <tresen.7@tresen.example>',
        '',
        'Hello',
      ].join('\n'),
    );
    const parsed = await parseMail(raw);
    expect(parsed.bounce).toEqual({ originalMessageId: 'tresen.7@tresen.example', failedRecipients: ['jane@example.net'], status: '5.1.1' });
    expect(parsed.automatic?.reason).toBe('Bounce: failure notice (X-Failed-Recipients)');
  });

  it('reads a qmail failure notice from its "<address>:" lines', async () => {
    const raw = mail(
      ['From: MAILER-DAEMON@mail.example.net', 'To: support@tresen.example', 'Subject: failure notice'],
      [
        'Hi. This is the qmail-send program at mail.example.net.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        '',
        '<a@example.net>:',
        'Sorry, no mailbox here by that name. (#5.1.1)',
        '',
        '<b@example.net>:',
        'Remote host said: 552 mailbox full',
        '',
        '--- Below this line is a copy of the message.',
        '',
        'Message-ID: <tresen.9@tresen.example>',
        'To: a@example.net, b@example.net',
      ].join('\n'),
    );
    expect((await parseMail(raw)).bounce).toEqual({
      originalMessageId: 'tresen.9@tresen.example',
      failedRecipients: ['a@example.net', 'b@example.net'],
      status: '5.1.1',
    });
  });

  it('reads an Amazon SES bounce notification (JSON through SNS)', async () => {
    const json =
      '{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"Gone@Example.net","action":"failed","status":"5.1.1"}]},' +
      '"mail":{"messageId":"0100-ses","headers":[{"name":"From","value":"support@tresen.example"},{"name":"Message-ID","value":"<tresen.5@tresen.example>"}]}}';
    const raw = mail(
      ['From: AWS Notifications <no-reply@sns.amazonaws.com>', 'To: support@tresen.example', 'Subject: AWS Notification Message', 'x-amz-sns-message-id: 1234'],
      `${json}\n`,
    );
    const parsed = await parseMail(raw);
    expect(parsed.bounce).toEqual({ originalMessageId: 'tresen.5@tresen.example', failedRecipients: ['gone@example.net'], status: '5.1.1' });
    expect(parsed.automatic?.reason).toBe('Bounce: Amazon SES bounce notification');
  });

  it('keeps a delay notice a bounce without failed recipients', async () => {
    const raw = mail(
      ['From: MAILER-DAEMON@mx.example.net', 'To: support@tresen.example', 'Subject: Warning: message 1abc delayed 24 hours', 'Auto-Submitted: auto-replied'],
      'This message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue.\n\n  jane@example.net\n    Delay reason: 451 4.4.1 try later\n',
    );
    expect((await parseMail(raw)).bounce).toEqual({ originalMessageId: null, failedRecipients: [], status: '4.4.1' });
  });
});
