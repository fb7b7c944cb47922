/**
 * The scale data set shared by bench/seed.mjs (which writes it) and bench/tickets.mjs (which reads it):
 * names, sign-ins, sizes, and the word lists the ticket subjects and message bodies are made of.
 *
 * Everything random here comes from a seeded generator, so two seeds produce the same data set
 * (ids included) and figures from different runs compare.
 */

export const DEFAULT_BASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_DB = 'tresen_bench_scale';
/** Bench databases are recognised (and only ever dropped) by this prefix. */
export const DB_PREFIX = 'tresen_bench_';

export const TENANT_NAME = 'Scale GmbH';
export const PASSWORD = 'scale-bench-password';
export const ADMIN_EMAIL = 'admin@scale.test';
export const AGENT_COUNT = 20;
export const agentEmail = (n) => `agent${n}@scale.test`;
export const AGENT_NAMES = [
  'Anna Berger',
  'Ben Vogel',
  'Clara Jung',
  'Deniz Arslan',
  'Emil Kraus',
  'Frieda Lang',
  'Georg Busch',
  'Hanna Roth',
  'Ilias Papadopoulos',
  'Jana Seidel',
  'Karl Franke',
  'Lea Albrecht',
  'Malte Engel',
  'Nina Sauer',
  'Oskar Peters',
  'Pia Kuhn',
  'Rafael Costa',
  'Sophie Brandt',
  'Tom Winter',
  'Vera Lorenz',
];

/** Sizes of the data set. Messages come in pairs of tickets averaging exactly 5 per ticket. */
export const SIZES = { tickets: 1_000_000, messagesPerTicket: 5, customers: 50_000 };

/**
 * Identifies what a complete seed wrote; stored as the database's comment when the seed finishes.
 * Bump `version` whenever the generated data changes shape, so an old data set is not mistaken for it.
 */
export const SEED_MARK = { seed: 'tresen-bench-scale', version: 1 };

/** The word only internal notes contain (1 note in 40): a search that shows it to a customer leaks notes. */
export const SECRET_WORD = 'internvermerk';

/**
 * Shared departments and the share of tickets each holds (in per mille; the remaining 10 per mille
 * go to the agents' private departments). `agents`: how many agents get access.
 */
export const DEPARTMENTS = [
  { name: 'Support', isPublic: true, share: 290, agents: 14 },
  { name: 'Technik', isPublic: true, share: 180, agents: 8 },
  { name: 'Buchhaltung', isPublic: false, share: 120, agents: 5 },
  { name: 'Vertrieb', isPublic: true, share: 100, agents: 5 },
  { name: 'Versand', isPublic: false, share: 80, agents: 4 },
  { name: 'Reklamationen', isPublic: true, share: 70, agents: 4 },
  { name: 'IT-Service', isPublic: false, share: 60, agents: 4 },
  { name: 'Einkauf', isPublic: false, share: 40, agents: 3 },
  { name: 'Kundenservice Schweiz', isPublic: true, share: 30, agents: 3 },
  { name: 'Geschäftsführung', isPublic: false, share: 20, agents: 2 },
];
export const PRIVATE_SHARE = 10;

/**
 * The nouns tickets are about, most frequent first: picked with a skewed distribution (rank r about
 * 1/(r+4) as often as rank 0), so searches range from very common to rare words. German and English
 * side by side; a ticket is written in one language.
 */
export const TOPICS = [
  ['Rechnung', 'invoice'],
  ['Lieferung', 'delivery'],
  ['Passwort', 'password'],
  ['Bestellung', 'order'],
  ['Drucker', 'printer'],
  ['Zugang', 'access'],
  ['Anmeldung', 'login'],
  ['Vertrag', 'contract'],
  ['Kündigung', 'cancellation'],
  ['Mahnung', 'reminder'],
  ['Gutschrift', 'refund'],
  ['Lizenz', 'licence'],
  ['Rücksendung', 'return'],
  ['Ersatzteil', 'spare part'],
  ['Wartung', 'maintenance'],
  ['Installation', 'installation'],
  ['Postfach', 'mailbox'],
  ['Server', 'server'],
  ['Netzwerk', 'network'],
  ['Telefonanlage', 'phone system'],
  ['Kundenkonto', 'customer account'],
  ['Lieferschein', 'delivery note'],
  ['Angebot', 'quote'],
  ['Preisliste', 'price list'],
  ['Garantie', 'warranty'],
  ['Reparatur', 'repair'],
  ['Termin', 'appointment'],
  ['Schulung', 'training'],
  ['Datensicherung', 'backup'],
  ['Firewall', 'firewall'],
  ['Zertifikat', 'certificate'],
  ['Schnittstelle', 'interface'],
  ['Abrechnung', 'billing'],
  ['Versandkosten', 'shipping costs'],
  ['Tastatur', 'keyboard'],
  ['Bildschirm', 'screen'],
  ['Scanner', 'scanner'],
  ['Wärmepumpe', 'heat pump'],
  ['Stromzähler', 'electricity meter'],
  ['Kaffeemaschine', 'coffee machine'],
];

/**
 * What bench:tickets searches for, in rotation: common to rare topics (German stemming must match
 * inflected forms: "Rechnungen" finds "Rechnung"), English words, a two-word query.
 */
export const SEARCH_WORDS = [
  'Rechnung',
  'Lieferungen',
  'Drucker',
  'Kündigung',
  'Zertifikat',
  'Wärmepumpe',
  'Kaffeemaschine',
  'invoice',
  'refund',
  'Drucker Toner',
];

export const DE = {
  subject: [
    (t) => `${t} funktioniert nicht`,
    (t) => `Frage zu ${t}`,
    (t) => `Problem mit ${t}`,
    (t) => `${t} fehlt`,
    (t) => `Fehler bei ${t}`,
    (t) => `Bitte um Rückruf wegen ${t}`,
    (t) => `Dringend: ${t}`,
    (t, n) => `${t} ${n}`,
    (t) => `AW: ${t}`,
    (t) => `${t} seit gestern defekt`,
  ],
  greetingIn: ['Hallo,', 'Guten Tag,', 'Sehr geehrte Damen und Herren,', 'Hallo zusammen,', 'Moin,'],
  greetingOut: ['Guten Tag', 'Hallo', 'Sehr geehrte Kundin, sehr geehrter Kunde'],
  inbound: [
    (t) => `seit heute Morgen funktioniert ${t} nicht mehr.`,
    (t) => `wir haben ein Problem mit ${t} und kommen nicht weiter.`,
    (t) => `ich warte immer noch auf ${t}, können Sie bitte nachsehen?`,
    (t, n) => `bezüglich ${t} Nummer ${n}: da stimmt etwas nicht.`,
    (t) => `können Sie mir bitte sagen, wie ich ${t} einrichte?`,
    (t) => `die Fehlermeldung erscheint jedes Mal, wenn wir ${t} öffnen.`,
    (t) => `bitte schicken Sie uns ${t} noch einmal zu.`,
    (t) => `unser Kollege hat ${t} schon zweimal gemeldet.`,
    (t) => `der Drucker zeigt nur noch „Toner leer“, obwohl wir neuen Toner eingesetzt haben. Es geht um ${t}.`,
    (t) => `die Lieferung war unvollständig, ${t} fehlt.`,
  ],
  outbound: [
    (t) => `vielen Dank für Ihre Nachricht zu ${t}.`,
    (t) => `wir haben ${t} geprüft und das Problem behoben.`,
    (t) => `bitte starten Sie das Gerät neu und versuchen Sie es mit ${t} noch einmal.`,
    (t, n) => `die Gutschrift für ${t} ${n} ist veranlasst.`,
    (t) => `ein Techniker meldet sich morgen wegen ${t} bei Ihnen.`,
    (t) => `können Sie uns einen Screenshot von ${t} schicken?`,
    (t) => `${t} ist heute an Sie versendet worden.`,
    () => `leider konnten wir Sie telefonisch nicht erreichen.`,
  ],
  note: [
    (t) => `Kunde hat wegen ${t} angerufen, Rückruf zugesagt.`,
    (t) => `${t} an die Technik weitergegeben.`,
    (t) => `Laut Lager ist ${t} erst nächste Woche da.`,
    () => `Kunde war am Telefon sehr verärgert.`,
    (t) => `Bitte ${t} vor Freigabe mit der Buchhaltung klären.`,
  ],
  closingIn: ['Viele Grüße', 'Mit freundlichen Grüßen', 'Danke und Gruß', 'Beste Grüße'],
  closingOut: ['Mit freundlichen Grüßen\nIhr Scale-Support', 'Viele Grüße aus dem Support', 'Freundliche Grüße'],
  secretNote: (t) => `Internvermerk: ${t} nur intern behandeln, Kulanz bis 200 Euro freigegeben. ${SECRET_WORD}`,
};

export const EN = {
  subject: [
    (t) => `${t} not working`,
    (t) => `Question about ${t}`,
    (t) => `Problem with ${t}`,
    (t) => `${t} missing`,
    (t) => `Error with ${t}`,
    (t) => `Urgent: ${t}`,
    (t, n) => `${t} ${n}`,
    (t) => `RE: ${t}`,
  ],
  greetingIn: ['Hello,', 'Hi,', 'Dear support team,', 'Good morning,'],
  greetingOut: ['Hello', 'Dear customer', 'Hi'],
  inbound: [
    (t) => `since this morning the ${t} does not work any more.`,
    (t) => `we have a problem with the ${t} and cannot continue.`,
    (t) => `I am still waiting for the ${t}, could you please check?`,
    (t, n) => `regarding ${t} number ${n}: something is wrong.`,
    (t) => `could you tell me how to set up the ${t}?`,
    (t) => `the error message appears every time we open the ${t}.`,
    (t) => `please send us the ${t} again.`,
  ],
  outbound: [
    (t) => `thank you for your message about the ${t}.`,
    (t) => `we have checked the ${t} and fixed the problem.`,
    (t) => `please restart the device and try the ${t} again.`,
    (t, n) => `the refund for ${t} ${n} has been issued.`,
    (t) => `a technician will call you about the ${t} tomorrow.`,
    () => `unfortunately we could not reach you by phone.`,
  ],
  note: [
    (t) => `Customer called about the ${t}, promised a call back.`,
    (t) => `Passed the ${t} on to engineering.`,
    () => `Customer was very upset on the phone.`,
  ],
  closingIn: ['Best regards', 'Kind regards', 'Thanks', 'Cheers'],
  closingOut: ['Kind regards\nYour Scale support', 'Best regards', 'Regards'],
  secretNote: (t) => `Internvermerk: handle the ${t} internally only, goodwill up to 200 EUR approved. ${SECRET_WORD}`,
};

export const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hannes',
  'Ida',
  'Jonas',
  'Klara',
  'Lukas',
  'Mia',
  'Noah',
  'Olga',
  'Paul',
  'Quirin',
  'Rosa',
  'Simon',
  'Tina',
  'Ute',
  'Viktor',
  'Wiebke',
  'Yusuf',
  'Zoe',
  'Jürgen',
  'Sören',
  'Björn',
  'Ayşe',
  'Mehmet',
];
export const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Braun',
  'Zimmermann',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Köhler',
  'Yılmaz',
];
export const COMPANY_WORDS = [
  'Haustechnik',
  'Bäckerei',
  'Autohaus',
  'Elektro',
  'Logistik',
  'Steuerberatung',
  'Druckerei',
  'Maschinenbau',
  'Zahnarztpraxis',
  'Gartenbau',
  'Software',
  'Immobilien',
  'Metallbau',
  'Getränke',
  'Reisebüro',
  'Apotheke',
  'Tischlerei',
  'Spedition',
];
export const COMPANY_FORMS = ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.', 'KG', 'UG (haftungsbeschränkt)'];

/** sfc32: a small, fast 32-bit generator with 128 bits of state; returns a function giving uint32s. */
export function seededRandom(seed) {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

/** Hash of the compiled migrations (server/dist): a data set seeded under another schema is reported as stale. */
export async function migrationsHash() {
  const { createHash } = await import('node:crypto');
  const { readdir, readFile } = await import('node:fs/promises');
  const dir = new URL('../../server/dist/migrations/', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(new URL(file, dir)));
  return hash.digest('hex').slice(0, 16);
}

/** Lower-case ASCII for e-mail addresses and domains: umlauts spelled out, the rest joined by '-'. */
export const asciiSlug = (s) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
