/**
 * Row generators for the scale data set (bench/seed.mjs). Every ticket is planned from its own
 * seeded generator, so the tickets and the messages can be written by separate streams (in parallel,
 * in any order) and still agree: the messages of ticket n are re-derived from the same plan.
 *
 * Rows are PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes.
 */
import {
  COMPANY_FORMS,
  COMPANY_WORDS,
  DE,
  DEPARTMENTS,
  EN,
  FIRST_NAMES,
  LAST_NAMES,
  PRIVATE_SHARE,
  SIZES,
  TOPICS,
  asciiSlug,
  seededRandom,
} from './scale-data.mjs';

const DAY = 86_400_000;
const NULL = '\\N';
const SUPPORT_ADDRESS = 'support@scale.test';

/** Integer hash (murmur3 finaliser): independent seeds for independent streams. */
export function mix(x) {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (v) => HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];
/** A version-4 UUID from four draws of `rnd`. */
export function uuidFrom(rnd) {
  const a = rnd();
  const b = ((rnd() & 0xffff0fff) | 0x4000) >>> 0;
  const c = ((rnd() & 0x3fffffff) | 0x80000000) >>> 0;
  const d = rnd();
  const bh = hex32(b);
  const ch = hex32(c);
  return `${hex32(a)}-${bh.slice(0, 4)}-${bh.slice(4)}-${ch.slice(0, 4)}-${ch.slice(4)}${hex32(d)}`;
}

/** COPY text escaping (only what our texts can contain: backslash, tab, newline, carriage return). */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
export function esc(value) {
  if (value === null || value === undefined) return NULL;
  const s = String(value);
  return NEEDS_ESCAPE.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A table of 4096 entries for picking an index by weight with one draw. */
function weightedTable(weights) {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const table = new Uint16Array(4096);
  let index = 0;
  let cumulative = weights[0];
  for (let slot = 0; slot < 4096; slot++) {
    while ((slot + 0.5) / 4096 > cumulative / total && index < weights.length - 1) cumulative += weights[++index];
    table[slot] = index;
  }
  return (rnd) => table[rnd() & 4095];
}

const topicPick = weightedTable(TOPICS.map((_, rank) => 1 / (rank + 4)));
const PRIORITY = weightedTable([15, 65, 15, 5]);
const CHANNELS = ['mail', 'portal', 'widget', 'phone', 'agent'];
const CHANNEL = weightedTable([60, 15, 8, 12, 5]);
const DEPARTMENT = weightedTable([...DEPARTMENTS.map((d) => d.share), PRIVATE_SHARE]);
const STATUS_KEYS = ['new', 'open', 'customer_replied', 'answered', 'waiting', 'closed', 'merged'];
/** Status by ticket age: young tickets are mostly open, old ones mostly closed (a backlog remains). */
const STATUS_BY_AGE = [
  { maxDays: 2, pick: weightedTable([45, 20, 5, 15, 5, 10, 0]) },
  { maxDays: 14, pick: weightedTable([10, 15, 8, 15, 10, 40, 2]) },
  { maxDays: 60, pick: weightedTable([2, 6, 4, 6, 6, 74, 2]) },
  { maxDays: Infinity, pick: weightedTable([1, 3.5, 1.5, 1.5, 1.5, 89.5, 1.5]) },
];

/**
 * Everything the streams need to know about the tenant: ids from the database (statuses, departments,
 * staff) and the clock the data is relative to.
 */
export function createWorld({ tenantId, statuses, departments, privateDepartments, admin, agents, now, sizes = SIZES }) {
  const agentNames = new Map([[admin.id, admin.name], ...agents.map((a) => [a.id, a.name])]);
  return {
    tenantId,
    sizes,
    now,
    start: now - 730 * DAY,
    statuses: STATUS_KEYS.map((key) => statuses.get(key)),
    // departments[i] = { id, memberIds }; the last slot stands for "an agent's private department".
    departments,
    privateDepartments, // [{ id, ownerId }]
    adminId: admin.id,
    agentIds: agents.map((a) => a.id),
    agentNames,
  };
}

/** Customer n (1-based) and its one contact: deterministic from n. */
export function customerOf(n, tenantId, now) {
  const rnd = seededRandom(mix(n) ^ 0x5eed0001);
  const customerId = uuidFrom(rnd);
  const contactId = uuidFrom(rnd);
  const first = FIRST_NAMES[rnd() % FIRST_NAMES.length];
  const last = LAST_NAMES[rnd() % LAST_NAMES.length];
  const isCompany = rnd() % 10 < 6;
  const word = COMPANY_WORDS[rnd() % COMPANY_WORDS.length];
  const name = isCompany ? `${last} ${word} ${COMPANY_FORMS[rnd() % COMPANY_FORMS.length]}` : `${first} ${last}`;
  const domain = isCompany ? `${asciiSlug(last)}-${asciiSlug(word)}.example` : 'mail.example';
  const email = `${asciiSlug(first)}.${asciiSlug(last)}.${n}@${domain}`;
  const createdAt = now - 1095 * DAY + (rnd() % (365 * 24)) * 3_600_000;
  return { customerId, contactId, name, isCompany, contactName: `${first} ${last}`, email, createdAt };
}

export function customerRow(n, c, tenantId) {
  const at = new Date(c.createdAt).toISOString();
  return `${c.customerId}\t${tenantId}\t${n}\t${esc(c.name)}\t${c.isCompany ? 't' : 'f'}\t${at}\t${at}\n`;
}
export const CUSTOMER_COLUMNS = 'id, tenant_id, number, name, is_company, created_at, updated_at';

export function contactRow(c, tenantId) {
  return `${c.contactId}\t${tenantId}\t${c.customerId}\t${esc(c.contactName)}\t${c.email}\t${new Date(c.createdAt).toISOString()}\n`;
}
export const CONTACT_COLUMNS = 'id, tenant_id, customer_id, name, email, created_at';

/** The id of ticket number n (so a merged ticket can point at an earlier one without a lookup). */
export function ticketId(n) {
  return uuidFrom(seededRandom(mix(n) ^ 0x7e57ab1e));
}

/** Messages in ticket n: pairs of tickets (n, n+1) hold exactly 10, split 1..9 between them. */
export function messageCount(n, perTicket = SIZES.messagesPerTicket) {
  const pair = Math.floor((n - 1) / 2);
  const d = (mix(pair ^ 0x3a5c) % (2 * perTicket - 1)) - (perTicket - 1);
  return n % 2 === 1 ? perTicket + d : perTicket - d;
}

/**
 * The plan of ticket n: every field and the kinds, times and authors of its messages. The returned
 * `rnd` continues the ticket's own sequence and is used for the message texts.
 */
export function planTicket(world, n) {
  const rnd = seededRandom(mix(n) ^ 0x0bad5eed);
  const u = () => rnd() / 4294967296;
  const { sizes, now } = world;
  const span = world.now - 60_000 - world.start;
  const createdAt = world.start + Math.floor(((n - 1 + u()) / sizes.tickets) * span);
  const ageDays = (now - createdAt) / DAY;
  const statusIndex = STATUS_BY_AGE.find((band) => ageDays < band.maxDays).pick(rnd);
  const status = world.statuses[statusIndex];
  const german = rnd() % 10 < 7;
  const topic = topicPick(rnd);
  const channel = CHANNELS[CHANNEL(rnd)];
  const priority = PRIORITY(rnd);

  const departmentSlot = DEPARTMENT(rnd);
  let departmentId;
  let handlerId = null;
  const unassignedPercent = status.key === 'new' ? 70 : 8;
  if (departmentSlot === world.departments.length) {
    const own = world.privateDepartments[rnd() % world.privateDepartments.length];
    departmentId = own.id;
    handlerId = own.ownerId;
  } else {
    const department = world.departments[departmentSlot];
    departmentId = department.id;
    if (rnd() % 100 >= unassignedPercent) {
      handlerId = rnd() % 20 === 0 ? world.adminId : department.memberIds[rnd() % department.memberIds.length];
    }
  }

  // Customers: a few big ones get many tickets (index ~ u^3); phone tickets are sometimes anonymous.
  let customerNumber = 0;
  if (!(channel === 'phone' && rnd() % 3 === 0) && rnd() % 100 >= 3) {
    customerNumber = 1 + Math.floor(Math.pow(u(), 3) * sizes.customers);
  }

  let lastActivityAt;
  if (status.category === 'closed') {
    lastActivityAt = createdAt + Math.floor(-Math.log(1 - u()) * 2 * DAY);
  } else {
    lastActivityAt = createdAt + Math.floor(u() * Math.min(now - createdAt, 30 * DAY));
  }
  lastActivityAt = Math.min(lastActivityAt, now - 60_000);

  // The thread: customer-started channels open with an inbound mail, phone with a note, agent with
  // an outbound mail; then replies alternate, with notes in between.
  const count = messageCount(n, sizes.messagesPerTicket);
  const kinds = new Array(count);
  const times = new Array(count);
  let lastInbound = null;
  let lastAgent = null;
  for (let i = 0; i < count; i++) {
    let kind;
    if (i === 0) kind = channel === 'phone' ? 'note' : channel === 'agent' ? 'outbound' : 'inbound';
    else if (rnd() % 100 < 18) kind = 'note';
    else kind = kinds[i - 1] === 'inbound' ? 'outbound' : kinds[i - 1] === 'outbound' ? 'inbound' : rnd() % 2 ? 'inbound' : 'outbound';
    kinds[i] = kind;
    times[i] = count === 1 ? createdAt : createdAt + Math.floor(((lastActivityAt - createdAt) * i) / (count - 1));
    if (kind === 'inbound') lastInbound = times[i];
    else lastAgent = times[i];
  }

  const number = 100_000 + (rnd() % 900_000);
  const lang = german ? DE : EN;
  const topicWord = TOPICS[topic][german ? 0 : 1];
  const subject = lang.subject[rnd() % lang.subject.length](topicWord, number);
  const mergedIntoNumber = status.key === 'merged' && n > 1 ? Math.max(1, n - 1 - (rnd() % 50)) : 0;
  const watcherId = rnd() % 20 === 0 ? world.agentIds[rnd() % world.agentIds.length] : null;

  return {
    n,
    id: ticketId(n),
    rnd,
    createdAt,
    lastActivityAt,
    lastInbound,
    lastAgent,
    status,
    german,
    topic,
    channel,
    priority,
    departmentId,
    handlerId,
    customerNumber,
    kinds,
    times,
    subject,
    mergedIntoNumber,
    watcherId,
  };
}

export const TICKET_COLUMNS =
  'id, tenant_id, number, subject, status_id, status_category, priority, department_id, channel, customer_id, contact_id, customer_name, handler_id, merged_into_id, created_at, updated_at, last_customer_activity_at, last_agent_activity_at, last_activity_at';

/** Customer facts tickets copy (name for search, ids), cached because big customers recur often. */
function customerFacts(world, number) {
  world.customerCache ??= new Map();
  let facts = world.customerCache.get(number);
  if (!facts) {
    facts = customerOf(number, world.tenantId, world.now);
    if (world.customerCache.size > 20_000) world.customerCache.clear();
    world.customerCache.set(number, facts);
  }
  return facts;
}

const iso = (ms) => (ms === null ? NULL : new Date(ms).toISOString());

export function ticketRow(world, plan) {
  const c = plan.customerNumber ? customerFacts(world, plan.customerNumber) : null;
  return (
    `${plan.id}\t${world.tenantId}\t${plan.n}\t${esc(plan.subject)}\t${plan.status.id}\t${plan.status.category}\t${plan.priority}\t${plan.departmentId}\t` +
    `${plan.channel}\t${c ? c.customerId : NULL}\t${c ? c.contactId : NULL}\t${c ? esc(c.name) : NULL}\t${plan.handlerId ?? NULL}\t` +
    `${plan.mergedIntoNumber ? ticketId(plan.mergedIntoNumber) : NULL}\t${iso(plan.createdAt)}\t${iso(plan.lastActivityAt)}\t` +
    `${iso(plan.lastInbound)}\t${iso(plan.lastAgent)}\t${iso(plan.lastActivityAt)}\n`
  );
}

export const WATCHER_COLUMNS = 'tenant_id, ticket_id, user_id';

export const MESSAGE_COLUMNS = 'id, tenant_id, ticket_id, kind, author_user_id, author_contact_id, from_address, to_addresses, body_text, created_at';

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** The message rows of one planned ticket, concatenated. */
export function messageRows(world, plan) {
  const { rnd } = plan;
  const lang = plan.german ? DE : EN;
  const c = plan.customerNumber ? customerFacts(world, plan.customerNumber) : null;
  const agentId = plan.handlerId ?? world.agentIds[rnd() % world.agentIds.length];
  const agentName = world.agentNames.get(agentId) ?? 'Support';
  const pick = (list) => list[rnd() % list.length];
  const topicWord = () => {
    const topic = rnd() % 10 < 7 ? plan.topic : topicPick(rnd);
    return TOPICS[topic][plan.german ? 0 : 1];
  };
  const sentences = (templates, count) => {
    let text = '';
    for (let i = 0; i < count; i++) {
      const sentence = pick(templates)(topicWord(), 100_000 + (rnd() % 900_000));
      text += i === 0 ? sentence : ` ${capitalise(sentence)}`;
    }
    return text;
  };
  let rows = '';
  for (let i = 0; i < plan.kinds.length; i++) {
    const kind = plan.kinds[i];
    const id = uuidFrom(rnd);
    let body;
    let authorUser = NULL;
    let authorContact = NULL;
    let from = NULL;
    let to = '{}';
    if (kind === 'inbound') {
      body = `${pick(lang.greetingIn)}\n\n${sentences(lang.inbound, 1 + (rnd() % 3))}\n\n${pick(lang.closingIn)}\n${c ? c.contactName : ''}`;
      if (c) {
        authorContact = c.contactId;
        from = c.email;
      } else from = 'unbekannt@anonym.example';
      to = `{${SUPPORT_ADDRESS}}`;
    } else if (kind === 'outbound') {
      const salutation = c ? `${pick(lang.greetingOut)} ${c.contactName}` : pick(lang.greetingOut);
      body = `${salutation},\n\n${sentences(lang.outbound, 1 + (rnd() % 2))}\n\n${pick(lang.closingOut)}\n${agentName}`;
      authorUser = agentId;
      from = SUPPORT_ADDRESS;
      if (c) to = `{${c.email}}`;
    } else {
      body = rnd() % 40 === 0 ? lang.secretNote(topicWord()) : capitalise(sentences(lang.note, 1 + (rnd() % 2)));
      authorUser = rnd() % 4 === 0 ? world.agentIds[rnd() % world.agentIds.length] : agentId;
    }
    rows += `${id}\t${world.tenantId}\t${plan.id}\t${kind}\t${authorUser}\t${authorContact}\t${from}\t${to}\t${esc(body)}\t${iso(plan.times[i])}\n`;
  }
  return rows;
}
