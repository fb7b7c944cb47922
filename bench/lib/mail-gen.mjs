/**
 * Customer mail as a support address receives it, for bench/mail-import.mjs. Everything comes from a
 * seeded generator, so two runs append the same bytes and their figures compare.
 *
 * The mix, by share of the generated messages:
 * - about 30 % replies: `AW:`/`Re:` from the same customer, with In-Reply-To and References to an
 *   earlier message of the run (mostly a recent one) and its text quoted below, so they join its ticket;
 * - 3 % auto-replies (out of office, `Auto-Submitted: auto-replied`);
 * - of the rest about 65 % text/plain, 20 % multipart/alternative (text and HTML), 11 % with a small
 *   attachment (PDF, screenshot, log file; 5-60 KB), 4 % HTML with the sender's logo inline;
 * - senders: 400 customers (people and companies, 70 % German, 30 % English), a few of whom write a
 *   lot; each with their mail program's habits (Outlook, Thunderbird, Apple Mail, Gmail: quoted-printable,
 *   8bit or base64, `format=flowed`, Received, DKIM and Exchange headers, signatures with legal footers);
 * - one message in ten carries a pasted error log, which makes a long tail of sizes.
 * Sizes: median 3.4 KB, p90 about 15 KB, the largest (attachments) about 95 KB.
 *
 * With `corpus` (real-world messages, see loadCorpus), one message in 100 is a copy of one of them
 * instead, with an `X-Bench-Copy` header first so that every copy is a different mail.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { COMPANY_FORMS, COMPANY_WORDS, DE, EN, FIRST_NAMES, LAST_NAMES, TOPICS, asciiSlug, seededRandom } from './scale-data.mjs';

const CUSTOMERS = 400;
/** Earlier messages a reply may answer: the newest ones of the run. */
const HISTORY = 2_000;
const CORPUS_EVERY = 100;
const START = Date.UTC(2026, 10, 23, 7, 0, 0);

const MORE = {
  de: [
    'Das Problem tritt an allen drei Arbeitsplätzen auf, nicht nur bei mir.',
    'Ein Neustart hat leider nichts geändert.',
    'Wir haben das gestern schon telefonisch gemeldet, aber bisher keine Rückmeldung bekommen.',
    'Im Anhang finden Sie einen Screenshot der Fehlermeldung.',
    'Bitte melden Sie sich kurz, wann ein Techniker vorbeikommen kann.',
    'Unsere Kundennummer steht in der Signatur.',
    'Es eilt etwas, weil am Freitag der Monatsabschluss ansteht.',
    'Die Kollegin aus der Buchhaltung hat dasselbe Problem.',
    'Können Sie bitte prüfen, ob auf Ihrer Seite eine Störung vorliegt?',
    'Vorher hat alles einwandfrei funktioniert, geändert haben wir nichts.',
    'Ich bin heute bis 17 Uhr unter der unten stehenden Nummer erreichbar.',
    'Falls Sie weitere Informationen brauchen, geben Sie bitte Bescheid.',
    'Die Fehlermeldung lautet: „Verbindung zum Server konnte nicht hergestellt werden (Code 0x800CCC0E)“.',
    'Wir nutzen die Version aus dem letzten Update vom Oktober.',
    'Vielen Dank schon einmal für Ihre Hilfe!',
  ],
  en: [
    'The problem happens on all three workstations, not just mine.',
    'Restarting did not change anything, unfortunately.',
    'We already reported this by phone yesterday but have not heard back.',
    'Please find a screenshot of the error message attached.',
    'Please let me know when a technician could come by.',
    'Our customer number is in the signature below.',
    'It is a bit urgent because the month-end closing is on Friday.',
    'My colleague in accounting has the same problem.',
    'Could you check whether there is an outage on your side?',
    'Everything worked fine before and we did not change anything.',
    'I can be reached at the number below until 5 pm today.',
    'Thanks in advance for your help!',
  ],
};
const QUOTE_INTRO = {
  de: (date, name, email) => `Am ${date} schrieb ${name} <${email}>:`,
  en: (date, name, email) => `On ${date}, ${name} <${email}> wrote:`,
};
const AUTO_REPLY = {
  de: {
    subject: (s) => `Automatische Antwort: ${s}`,
    text: (name, back) =>
      `Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich ${back} nicht im Büro und habe keinen Zugriff auf meine E-Mails. ` +
      `In dringenden Fällen wenden Sie sich bitte an unsere Zentrale.\n\nMit freundlichen Grüßen\n${name}`,
  },
  en: {
    subject: (s) => `Out of Office: ${s}`,
    text: (name, back) =>
      `Thank you for your message.\n\nI am out of the office until ${back} with no access to e-mail. For urgent matters please call our main line.\n\nBest regards\n${name}`,
  },
};
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Industriestraße', 'Gartenweg', 'Am Markt', 'Lindenallee', 'Mühlenweg'];
const CITIES = ['10115 Berlin', '20095 Hamburg', '80331 München', '50667 Köln', '70173 Stuttgart', '04109 Leipzig', '28195 Bremen'];
const LOG_LEVELS = ['INFO', 'WARN', 'ERROR', 'DEBUG'];
const LOG_TEXTS = [
  'Connection to sync service timed out after 30000 ms',
  'Retrying request (attempt 3 of 5)',
  'Spooler: job 4711 stuck in state PENDING',
  'Authentication failed for user svc-backup (code 0x80090308)',
  'Certificate chain could not be verified: unable to get local issuer certificate',
  'Disk usage on volume D: at 97 %',
  'Scheduled task "Datensicherung" finished with exit code 2',
];

/**
 * The mail programs customers use, with what makes their mail look the way it does. `html` is the
 * share of their non-reply mail that has an HTML part.
 */
const MAILERS = [
  { name: 'outlook', weight: 40, encoding: 'quoted-printable', html: 0.9, flowed: false, header: () => ['X-Mailer: Microsoft Outlook 16.0'] },
  { name: 'thunderbird', weight: 20, encoding: '8bit', html: 0.15, flowed: true, header: () => ['User-Agent: Mozilla Thunderbird'] },
  { name: 'apple', weight: 15, encoding: 'quoted-printable', html: 0.5, flowed: false, header: () => ['X-Mailer: Apple Mail (2.3826.300.87.4.2)'] },
  { name: 'gmail', weight: 25, encoding: 'base64', html: 1, flowed: false, header: () => [] },
];

/** Real-world messages (*.eml, recursively, in name order) from `dir`; [] when it does not exist. */
export async function loadCorpus(dir) {
  const files = [];
  const walk = async (at) => {
    let entries;
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.eml')) files.push(full);
    }
  };
  await walk(dir);
  return Promise.all(files.map((file) => readFile(file)));
}

const B64_WRAP = /.{1,76}/g;
const wrapBase64 = (buffer) => buffer.toString('base64').match(B64_WRAP)?.join('\r\n') ?? '';
const NON_ASCII = /[^\x20-\x7e]/;

/** RFC 2047 encoded words for a header value with non-ASCII text, folded; ASCII stays as it is. */
function encodeWords(text) {
  if (!NON_ASCII.test(text)) return text;
  const words = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char) > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

const addressOf = (name, email) => (NON_ASCII.test(name) ? `${encodeWords(name)} <${email}>` : `"${name}" <${email}>`);

/** Quoted-printable (RFC 2045) of UTF-8 text with CRLF line ends and soft breaks at 76 characters. */
function quotedPrintable(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const bytes = Buffer.from(line);
    let current = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      const last = i === bytes.length - 1;
      const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      const piece = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (current.length + piece.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += piece;
    }
    out.push(current);
  }
  return out.join('\r\n');
}

/** Word-wraps a paragraph at 72 characters (as mail programs do for plain text). */
function wrap(paragraph, flowed) {
  const lines = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > 72) {
      lines.push(flowed ? `${line} ` : line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const rfc2822 = (ms) => new Date(ms).toUTCString().replace('GMT', '+0000');
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A generator of messages to `to` (the support address), one per call of `next`.
 * `next({ generatedOnly })` returns `{ raw: Buffer, messageId: string | null, kind, reply }`, where kind is
 * one of plain, html, attachment, inline-image, auto-reply, real-world; `generatedOnly` skips the
 * real-world copies (for messages that must become an inboundMail event).
 */
export function createMailGenerator({ seed = 1, to, corpus = [] }) {
  const rnd = seededRandom(seed);
  const float = () => rnd() / 4294967296;
  const pick = (list) => list[rnd() % list.length];
  const chance = (p) => float() < p;
  const hex = (n) => {
    let s = '';
    while (s.length < n) s += rnd().toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  const mailerWeights = MAILERS.reduce((sum, m) => sum + m.weight, 0);
  const pickMailer = (r) => {
    let at = r * mailerWeights;
    for (const m of MAILERS) if ((at -= m.weight) < 0) return m;
    return MAILERS[0];
  };

  const customers = Array.from({ length: CUSTOMERS }, (_, n) => {
    const own = seededRandom(seed * 7919 + n);
    const first = FIRST_NAMES[own() % FIRST_NAMES.length];
    const last = LAST_NAMES[own() % LAST_NAMES.length];
    const company = own() % 10 < 7 ? `${last} ${COMPANY_WORDS[own() % COMPANY_WORDS.length]} ${COMPANY_FORMS[own() % COMPANY_FORMS.length]}` : null;
    const domain = company ? `${asciiSlug(company.split(' ').slice(0, 2).join(' '))}.example` : pick(['web.example', 'gmx.example', 'posteo.example']);
    return {
      name: `${first} ${last}`,
      first,
      email: company ? `${asciiSlug(first)}.${asciiSlug(last)}@${domain}` : `${asciiSlug(first)}.${asciiSlug(last)}${n}@${domain}`,
      domain,
      company,
      lang: own() % 10 < 7 ? 'de' : 'en',
      mailer: pickMailer((own() % 1000) / 1000),
      customerNumber: 10_000 + n * 7,
      street: `${STREETS[own() % STREETS.length]} ${1 + (own() % 120)}`,
      city: CITIES[own() % CITIES.length],
    };
  });

  const history = [];
  let index = 0;
  let clock = START;

  function signature(c) {
    const L = c.lang === 'de';
    const lines = [c.name];
    if (c.company) {
      lines.push(c.company, c.street, c.city, `${L ? 'Tel.' : 'Phone'} +49 30 ${1000000 + c.customerNumber * 13}`, `www.${c.domain}`);
      lines.push(`${L ? 'Kundennummer' : 'Customer no.'} ${c.customerNumber}`);
      if (chance(0.6))
        lines.push(
          '',
          L
            ? `Sitz der Gesellschaft: ${c.city.split(' ')[1]}, Amtsgericht ${c.city.split(' ')[1]} HRB ${20000 + c.customerNumber}. Geschäftsführung: ${c.name}.`
            : `Registered office: ${c.city.split(' ')[1]}, register court ${c.city.split(' ')[1]} HRB ${20000 + c.customerNumber}. Managing director: ${c.name}.`,
          L
            ? 'Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.'
            : 'This e-mail contains confidential information. If you are not the intended recipient, please notify the sender at once and delete this e-mail.',
        );
    }
    return lines;
  }

  function paragraphs(c, topic, count) {
    const L = c.lang === 'de' ? DE : EN;
    const more = MORE[c.lang];
    const out = [];
    for (let p = 0; p < count; p++) {
      const sentences = [];
      const n = 1 + (rnd() % 4);
      for (let s = 0; s < n; s++) sentences.push(s === 0 && p === 0 ? capitalize(pick(L.inbound)(topic, 1000 + (rnd() % 90000))) : pick(more));
      out.push(sentences.join(' '));
    }
    return out;
  }

  function errorLog(lines) {
    const out = [];
    let at = clock - 3_600_000;
    for (let i = 0; i < lines; i++) {
      at += 1000 + (rnd() % 60000);
      out.push(`${new Date(at).toISOString().replace('T', ' ').slice(0, 19)} [${pick(LOG_LEVELS)}] ${pick(LOG_TEXTS)} (pid ${1000 + (rnd() % 9000)})`);
    }
    return out.join('\n');
  }

  function htmlOf(c, blocks, quote) {
    const outlook = c.mailer.name === 'outlook';
    const p = (text) =>
      outlook
        ? `<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif">${escapeHtml(text).replace(/\n/g, '<br>\n')}</span></p>`
        : `<div>${escapeHtml(text).replace(/\n/g, '<br>\n')}</div>`;
    const head = outlook
      ? '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!--\n@font-face {font-family:"Calibri"}\np.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}\na:link, span.MsoHyperlink {color:#0563C1; text-decoration:underline;}\n.MsoChpDefault {font-size:10.0pt;}\n@page WordSection1 {size:612.0pt 792.0pt; margin:70.85pt 70.85pt 2.0cm 70.85pt;}\n--></style></head>'
      : '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>';
    const body = blocks.map((b) => (b.logo ? `<p><img src="${b.logo}" width="120" height="40" alt="${escapeHtml(c.company ?? c.name)}"></p>` : p(b.text)));
    const quoted = quote
      ? outlook
        ? `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>${escapeHtml(quote.intro)}</b></p></div>${p(quote.text)}`
        : `<div>${escapeHtml(quote.intro)}<br></div><blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">${p(quote.text)}</blockquote>`
      : '';
    return `<html>${head}<body lang="${c.lang === 'de' ? 'DE' : 'EN-US'}" link="#0563C1"><div class="WordSection1">\n${body.join('\n')}\n${quoted}\n</div></body></html>`;
  }

  function textPart(text, encoding, flowed) {
    const type = `text/plain; charset=utf-8${flowed ? '; format=flowed' : ''}`;
    const crlf = text.replace(/\n/g, '\r\n');
    const body = encoding === 'quoted-printable' ? quotedPrintable(text) : encoding === 'base64' ? wrapBase64(Buffer.from(crlf)) : crlf;
    return { headers: [`Content-Type: ${type}`, `Content-Transfer-Encoding: ${encoding}`], body };
  }

  function htmlPart(html, encoding) {
    const body = encoding === 'base64' ? wrapBase64(Buffer.from(html)) : quotedPrintable(html);
    return { headers: ['Content-Type: text/html; charset=utf-8', `Content-Transfer-Encoding: ${encoding === 'base64' ? 'base64' : 'quoted-printable'}`], body };
  }

  function binary(size, magic) {
    const buffer = Buffer.allocUnsafe(size);
    for (let i = 0; i < size; i += 4) buffer.writeUInt32LE(rnd(), Math.min(i, size - 4));
    magic.copy(buffer);
    return buffer;
  }

  function attachmentPart(c, topic) {
    const kind = rnd() % 3;
    const size = Math.round(5_000 * Math.pow(12, float()));
    if (kind === 2) {
      const content = Buffer.from(errorLog(Math.ceil(size / 90)).replace(/\n/g, '\r\n'));
      return {
        headers: [
          'Content-Type: text/plain; charset=utf-8; name="fehlerprotokoll.txt"',
          'Content-Disposition: attachment; filename="fehlerprotokoll.txt"',
          'Content-Transfer-Encoding: base64',
        ],
        body: wrapBase64(content),
      };
    }
    const pdf = kind === 0;
    const name = pdf
      ? `${c.lang === 'de' ? 'Rückfrage' : 'Request'}_${asciiSlug(topic)}_${rnd() % 100000}.pdf`
      : `Screenshot ${new Date(clock).toISOString().slice(0, 10)}.png`;
    const content = binary(size, pdf ? Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n') : Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const ascii = !NON_ASCII.test(name);
    const param = ascii ? `filename="${name}"` : `filename*=UTF-8''${encodeURIComponent(name)}`;
    return {
      headers: [
        `Content-Type: ${pdf ? 'application/pdf' : 'image/png'}; ${ascii ? `name="${name}"` : `name="${encodeWords(name)}"`}`,
        `Content-Disposition: attachment; ${param}`,
        'Content-Transfer-Encoding: base64',
      ],
      body: wrapBase64(content),
    };
  }

  /** A MIME entity: a leaf { headers, body } or a multipart { type, parts }. */
  function serialize(entity) {
    if (!entity.parts) return `${entity.headers.join('\r\n')}\r\n\r\n${entity.body}`;
    const boundary = `----=_Part_${hex(12)}`;
    const parts = entity.parts.map((part) => `--${boundary}\r\n${serialize(part)}\r\n`).join('');
    return `Content-Type: ${entity.type};\r\n boundary="${boundary}"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n${parts}--${boundary}--\r\n`;
  }

  function transportHeaders(c, messageId, date) {
    const ip = `203.0.113.${1 + (rnd() % 254)}`;
    const headers = [
      `Return-Path: <${c.email}>`,
      `Delivered-To: ${to}`,
      `Received: from mx.tresen.example by imap.tresen.example with LMTP id ${hex(16)} for <${to}>; ${rfc2822(date + 2000)}`,
      `Received: from mail.${c.domain} (mail.${c.domain} [${ip}])\r\n\tby mx.tresen.example (Postfix) with ESMTPS id ${hex(10).toUpperCase()}\r\n\tfor <${to}>; ${rfc2822(date + 1000)}`,
      `Authentication-Results: mx.tresen.example;\r\n\tdkim=pass (2048-bit key) header.d=${c.domain} header.s=mail header.b=${hex(8)};\r\n\tspf=pass (mx.tresen.example: domain of ${c.email} designates ${ip} as permitted sender) smtp.mailfrom=${c.email};\r\n\tdmarc=pass (p=QUARANTINE) header.from=${c.domain}`,
      `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${c.domain}; s=mail; t=${Math.floor(date / 1000)};\r\n\th=From:To:Subject:Date:Message-ID:In-Reply-To:References;\r\n\tbh=${Buffer.from(hex(64), 'hex').toString('base64').slice(0, 43)}=;\r\n\tb=${wrapBase64(Buffer.from(hex(512), 'hex')).replace(/\r\n/g, '\r\n\t  ')}`,
    ];
    if (c.mailer.name === 'outlook') {
      headers.push(
        `Thread-Index: ${Buffer.from(hex(32), 'hex').toString('base64').slice(0, 30)}`,
        `X-MS-Exchange-Organization-Network-Message-Id: ${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
        'X-MS-Exchange-Organization-SCL: 1',
        `X-MS-Office365-Filtering-Correlation-Id: ${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
        `X-Microsoft-Antispam-Message-Info:\r\n\t${wrapBase64(Buffer.from(hex(400), 'hex')).replace(/\r\n/g, '\r\n\t')}`,
        `Content-Language: ${c.lang === 'de' ? 'de-DE' : 'en-US'}`,
      );
    }
    return headers.concat(c.mailer.header(), [`Message-ID: <${messageId}>`]);
  }

  function realWorld() {
    const source = corpus[Math.floor(index / CORPUS_EVERY) % corpus.length];
    return { raw: Buffer.concat([Buffer.from(`X-Bench-Copy: ${index}\r\n`), source]), messageId: null, kind: 'real-world', reply: false };
  }

  function next({ generatedOnly = false } = {}) {
    index++;
    clock += 5_000 + (rnd() % 85_000);
    if (!generatedOnly && corpus.length > 0 && index % CORPUS_EVERY === CORPUS_EVERY / 2) return realWorld();

    const roll = float();
    const earlier = history.length > 20 && roll < 0.33 ? history[history.length - 1 - Math.floor(Math.min(history.length, HISTORY) * float() ** 2)] : null;
    const autoReply = earlier !== null && roll < 0.03;
    const c = earlier && !autoReply ? earlier.customer : customers[Math.floor(CUSTOMERS * float() ** 2)];
    const L = c.lang === 'de' ? DE : EN;
    const topic = earlier ? earlier.topic : TOPICS[Math.floor(TOPICS.length * float() ** 1.5)][c.lang === 'de' ? 0 : 1];
    const messageId =
      c.mailer.name === 'gmail' ? `CA+${Buffer.from(hex(30), 'hex').toString('base64url')}@mail.gmail.com` : `${hex(16).toUpperCase()}.${hex(8)}@${c.domain}`;
    const date = clock;

    let subject;
    let kind;
    let entity;
    let bodyText;
    const extra = [];
    if (autoReply) {
      const back = new Date(clock + (3 + (rnd() % 14)) * 86_400_000).toISOString().slice(0, 10);
      const auto = AUTO_REPLY[c.lang];
      subject = auto.subject(earlier.subject);
      kind = 'auto-reply';
      bodyText = auto.text(c.name, back);
      extra.push('Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All', 'Precedence: bulk', `In-Reply-To: <${hex(20)}@tresen.example>`);
      entity = textPart(bodyText, c.mailer.encoding, false);
    } else {
      subject = earlier
        ? `${c.lang === 'de' ? 'AW' : 'Re'}: ${earlier.subject.replace(/^((AW|Re|RE|WG|Fwd): )+/, '')}`
        : pick(L.subject)(topic, 10000 + (rnd() % 90000));
      const count = 1 + Math.floor(5 * float() ** 2);
      const texts = paragraphs(c, topic, count);
      if (chance(0.1)) texts.push(`${c.lang === 'de' ? 'Hier das Protokoll:' : 'Here is the log:'}\n\n${errorLog(5 + Math.floor(60 * float() ** 2))}`);
      const closing = `${pick(L.closingIn)}\n${c.first}`;
      const sig = signature(c).join('\n');
      const quote = earlier
        ? {
            intro: QUOTE_INTRO[c.lang](rfc2822(earlier.date), earlier.customer.name, earlier.customer.email),
            text: earlier.text.split('\n').slice(0, 40).join('\n'),
          }
        : null;
      const flowed = c.mailer.flowed;
      const greeting = pick(L.greetingIn);
      bodyText = [greeting, ...texts, closing, `-- \n${sig}`].join('\n\n');
      const plain = [greeting, ...texts.map((t) => (t.includes('\n') ? t : wrap(t, flowed))), closing, `-- \n${sig}`].join('\n\n');
      const plainWithQuote = quote ? `${plain}\n\n${quote.intro}\n${quote.text.replace(/^/gm, '> ')}\n` : `${plain}\n`;
      const blocks = [{ text: greeting }, ...texts.map((text) => ({ text })), { text: closing }, { text: sig }];
      const shape = float();
      const wantsHtml = chance(c.mailer.html);
      if (earlier)
        extra.push(
          `In-Reply-To: <${earlier.messageId}>`,
          `References: ${[...earlier.references, earlier.messageId]
            .slice(-10)
            .map((id) => `<${id}>`)
            .join('\r\n ')}`,
        );
      if (shape < 0.05 && c.company) {
        kind = 'inline-image';
        const cid = `logo.${hex(8)}@${c.domain}`;
        const logo = binary(2_000 + (rnd() % 6_000), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        entity = {
          type: 'multipart/related; type="multipart/alternative"',
          parts: [
            {
              type: 'multipart/alternative',
              parts: [textPart(plainWithQuote, c.mailer.encoding, false), htmlPart(htmlOf(c, [...blocks, { logo: `cid:${cid}` }], quote), c.mailer.encoding)],
            },
            {
              headers: [
                'Content-Type: image/png; name="logo.png"',
                'Content-Disposition: inline; filename="logo.png"',
                `Content-ID: <${cid}>`,
                'Content-Transfer-Encoding: base64',
              ],
              body: wrapBase64(logo),
            },
          ],
        };
      } else if (shape < 0.15) {
        kind = 'attachment';
        const body = wantsHtml
          ? {
              type: 'multipart/alternative',
              parts: [textPart(plainWithQuote, c.mailer.encoding, false), htmlPart(htmlOf(c, blocks, quote), c.mailer.encoding)],
            }
          : textPart(plainWithQuote, c.mailer.encoding, flowed);
        entity = { type: 'multipart/mixed', parts: [body, attachmentPart(c, topic)] };
      } else if (wantsHtml && shape < 0.45) {
        kind = 'html';
        const remote = chance(0.3) && c.company ? [{ logo: `https://www.${c.domain}/img/signatur-logo.png` }] : [];
        entity = {
          type: 'multipart/alternative',
          parts: [textPart(plainWithQuote, c.mailer.encoding, false), htmlPart(htmlOf(c, [...blocks, ...remote], quote), c.mailer.encoding)],
        };
      } else {
        kind = 'plain';
        entity = textPart(plainWithQuote, c.mailer.encoding, flowed);
      }
    }

    const headers = [
      ...transportHeaders(c, messageId, date),
      `Date: ${rfc2822(date)}`,
      `From: ${addressOf(c.name, c.email)}`,
      `To: ${to}`,
      `Subject: ${encodeWords(subject)}`,
      ...extra,
      'MIME-Version: 1.0',
    ];
    const raw = Buffer.from(`${headers.join('\r\n')}\r\n${serialize(entity)}`);
    if (!autoReply) {
      history.push({
        messageId,
        subject,
        topic,
        customer: c,
        date,
        text: bodyText,
        references: earlier ? [...earlier.references, earlier.messageId].slice(-9) : [],
      });
      if (history.length > HISTORY * 2) history.splice(0, HISTORY);
    }
    return { raw, messageId, kind, reply: earlier !== null && !autoReply };
  }

  return { next };
}
