/**
 * The watching consoles of bench/timer-ticks.mjs, in their own process so that their CPU is not
 * counted as the server's. Opens one graphql-ws connection per ticket, each subscribed to
 * `timerTick(ticketId)`, and reports how many ticks arrived.
 *
 * argv: wsUrl origin cookie, then ticket ids on stdin (JSON array). Messages to the parent:
 * { ready: n } once every subscription is acknowledged, { counts } when asked with 'count'.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [wsUrl, origin, cookie] = process.argv.slice(2);
const ticketIds = await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(JSON.parse(text)));
});

let ticks = 0;
let started = 0;
let errors = 0;
const clients = [];
await Promise.all(
  ticketIds.map(
    (ticketId) =>
      new Promise((resolve) => {
        const client = createClient({
          url: wsUrl,
          webSocketImpl: class extends WebSocket {
            constructor(address, protocols) {
              super(address, protocols, { headers: { cookie, origin } });
            }
          },
          lazy: false,
          retryAttempts: 0,
        });
        clients.push(client);
        let acknowledged = false;
        client.subscribe(
          { query: `subscription { timerTick(ticketId: "${ticketId}") { kind elapsedSeconds } }` },
          {
            next: ({ data, errors: failed }) => {
              if (failed) errors += 1;
              else if (data.timerTick.kind === 'TICK') ticks += 1;
              else if (data.timerTick.kind === 'STARTED') started += 1;
              if (!acknowledged) {
                acknowledged = true;
                resolve();
              }
            },
            error: () => {
              errors += 1;
              resolve();
            },
            complete: () => resolve(),
          },
        );
        client.on('connected', () => setTimeout(resolve, 200));
      }),
  ),
);
process.send({ ready: clients.length });
process.on('message', async (message) => {
  if (message === 'count') process.send({ counts: { ticks, started, errors } });
  if (message === 'stop') {
    await Promise.all(clients.map((c) => c.dispose()));
    process.exit(0);
  }
});
