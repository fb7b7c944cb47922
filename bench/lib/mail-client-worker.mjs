/**
 * The client side of bench/mail-import.mjs, in a worker thread so that its clock readings do not wait
 * for the server's event loop (both live in the bench process): an agent console subscribed to
 * `inboundMail` over graphql-ws with a session cookie, a mail server delivering into the mailbox over
 * IMAP APPEND, and a bare IMAP client idling on the folder.
 *
 * workerData: { wsUrl, cookie ('name=value'), origin, imap: { host, port, user, pass } }
 * Posts { type: 'ready' } once the subscription is sent, { type: 'error', message } when something breaks.
 * Answers:
 * - { type: 'count' } with { type: 'count', events, errors }: inboundMail events received so far.
 * - { type: 'latency', messages: [{ raw, messageId }], gapsMs, waitMs } with { type: 'latency', results }:
 *   appends the messages one at a time: before the i-th, waits (up to waitMs) until the console has
 *   the events of those before and the bare client below their EXISTS, then gapsMs[i] more.
 *   results[i] = { appendStart, appendDone, event, exists } in ms (performance.now() of this thread):
 *   event when the console got the message's inboundMail (null when it did not come), exists when a
 *   bare IMAP client idling on the folder learnt of it (EXISTS; null when it did not).
 * - { type: 'stop' }: closes the connections; the worker then ends.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { createClient } from 'graphql-ws';
import { ImapFlow } from 'imapflow';
import WebSocket from 'ws';

const { wsUrl, cookie, origin, imap } = workerData;
const SUBSCRIPTION = 'subscription { inboundMail { createdTicket ticket { id number } message { mailMessageId } } }';

/** When the event of a Message-ID arrived (the first one, should a mail be delivered twice). */
const arrivals = new Map();
let events = 0;
let errors = 0;
let waiting = null;

const fail = (error) => parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });

const client = createClient({
  url: wsUrl,
  lazy: false,
  retryAttempts: 0,
  webSocketImpl: class extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { cookie, origin } });
    }
  },
  on: { error: fail },
});

client.subscribe(
  { query: SUBSCRIPTION },
  {
    next: (result) => {
      const at = performance.now();
      if (result.errors) errors += result.errors.length;
      const id = result.data?.inboundMail?.message?.mailMessageId;
      if (!result.data) return;
      events++;
      if (id && !arrivals.has(id)) arrivals.set(id, at);
      waiting?.();
    },
    error: fail,
    complete: () => {},
  },
);

await new Promise((resolve, reject) => {
  const off = client.on('connected', () => {
    off();
    resolve();
  });
  client.on('closed', (event) => reject(new Error(`The WebSocket closed before it was ready (${event?.code ?? ''} ${event?.reason ?? ''}).`)));
}).catch(fail);
// graphql-ws does not acknowledge a subscription; give the server a moment to set it up.
await new Promise((resolve) => setTimeout(resolve, 300));
parentPort.postMessage({ type: 'ready' });

const imapOptions = { host: imap.host, port: imap.port, secure: false, doSTARTTLS: false, auth: { user: imap.user, pass: imap.pass }, logger: false };
let mailer = null;
let watcher = null;

async function latency({ messages, gapsMs, waitMs }) {
  mailer = new ImapFlow(imapOptions);
  await mailer.connect();
  // The IMAP server's own share: a bare client in IDLE on the same folder (with the watcher's auto-IDLE
  // delay), which only notes when EXISTS arrives and never leaves IDLE for work of its own.
  watcher = new ImapFlow({ ...imapOptions, autoIdleDelay: 300 });
  await watcher.connect();
  // Read at once: ImapFlow keeps updating the mailbox object it returns.
  const before = (await watcher.mailboxOpen('INBOX', { readOnly: true })).exists;
  const exists = [];
  watcher.on('exists', (info) => {
    exists.push({ count: info.count, at: performance.now() });
    waiting?.();
  });
  /** Waits until the console has the events of the first n messages and the bare client their EXISTS, or until `ms` passed. */
  const settle = async (n, ms) => {
    const until = performance.now() + ms;
    const done = () => results.slice(0, n).every((r) => arrivals.has(r.messageId)) && (exists.at(-1)?.count ?? before) >= before + n;
    while (!done() && performance.now() < until) {
      await new Promise((resolve) => {
        waiting = resolve;
        setTimeout(resolve, 50);
      });
    }
    waiting = null;
  };
  const results = [];
  for (const [i, { raw, messageId }] of messages.entries()) {
    // Each message finds the watcher idle: the previous one is through, then a pause.
    await settle(i, waitMs);
    await new Promise((resolve) => setTimeout(resolve, gapsMs[i]));
    const appendStart = performance.now();
    const appended = await mailer.append('INBOX', Buffer.from(raw));
    if (!appended?.uid) throw new Error('APPEND returned no UID.');
    results.push({ messageId, appendStart, appendDone: performance.now() });
  }
  await settle(results.length, waitMs);
  return results.map((r, i) => ({
    ...r,
    event: arrivals.get(r.messageId) ?? null,
    exists: exists.find((e) => e.count >= before + i + 1)?.at ?? null,
  }));
}

parentPort.on('message', (message) => {
  if (message.type === 'count') parentPort.postMessage({ type: 'count', events, errors });
  else if (message.type === 'latency') latency(message).then((results) => parentPort.postMessage({ type: 'latency', results }), fail);
  else if (message.type === 'stop') {
    void (async () => {
      for (const connection of [mailer, watcher]) await connection?.logout().catch(() => connection.close());
      await client.dispose();
      parentPort.close();
    })();
  }
});
