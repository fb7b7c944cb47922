/**
 * Closed-loop HTTP load generator, run in a worker thread so that sending requests and parsing
 * responses does not share the event loop of the server under test (both live in the bench process).
 *
 * workerData: { url, headers, body | bodies, concurrency, warmupMs, durationMs, timeoutMs, check }
 * - `concurrency` loops each keep exactly one request in flight over a keep-alive connection.
 * - `bodies` (instead of `body`): request bodies sent in rotation; the index of the body each
 *   measured request sent is reported alongside its latency.
 * - Warm-up results are discarded; then requests started within `durationMs` are measured.
 * - `check.expectedLength`: a response passes when it is HTTP 200 JSON with `data.<check.field>` an
 *   array of that length and no `errors`.
 * - `check.connection`: instead, `data.<check.field>` must be a connection: `edges` an array of at
 *   most `check.maxEdges` entries and `totalCount` a number.
 *
 * Posts one message: { completed, ok, failures: [[message, count]...], elapsedMs, latencies: Float64Array,
 * bodyIndexes: Uint16Array (empty without `bodies`) }.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, body, bodies, concurrency, warmupMs, durationMs, timeoutMs, check } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
const payloads = (bodies ?? [body]).map((text) => Buffer.from(text));
let sent = 0;

/** Why a response does not count as a success; null when it does. */
function problemOf(status, text) {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 200)}`;
  if (check.connection) {
    const connection = json.data?.[check.field];
    if (!Array.isArray(connection?.edges) || typeof connection.totalCount !== 'number') return `no connection data.${check.field}: ${text.slice(0, 200)}`;
    if (connection.edges.length > check.maxEdges) return `expected at most ${check.maxEdges} edges, got ${connection.edges.length}`;
    return null;
  }
  const list = json.data?.[check.field];
  if (!Array.isArray(list)) return `no data.${check.field}: ${text.slice(0, 200)}`;
  if (list.length !== check.expectedLength) return `expected ${check.expectedLength} ${check.field}, got ${list.length}`;
  return null;
}

/** One request (the next body in rotation); resolves with its latency, problem and body index (never rejects). */
function send() {
  const index = sent++ % payloads.length;
  const payload = payloads[index];
  const requestHeaders = { ...headers, 'content-length': String(payload.length) };
  return new Promise((resolve) => {
    const started = performance.now();
    const done = (problem) => resolve({ ms: performance.now() - started, problem, index });
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: requestHeaders, timeout: timeoutMs },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => done(problemOf(res.statusCode, Buffer.concat(chunks).toString('utf8'))));
        res.on('error', (error) => done(`response: ${error.message}`));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', (error) => done(`request: ${error.code ?? error.message}`));
    req.end(payload);
  });
}

/** Runs `concurrency` closed loops until `until` (performance.now() time); records when `record` is set. */
async function phase(until, record) {
  let latencies = new Float64Array(1 << 16);
  let indexes = new Uint16Array(bodies ? latencies.length : 0);
  let completed = 0;
  let ok = 0;
  const failures = new Map();
  const loop = async () => {
    while (performance.now() < until) {
      const { ms, problem, index } = await send();
      if (!record) continue;
      if (completed === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
        if (bodies) {
          const grownIndexes = new Uint16Array(grown.length);
          grownIndexes.set(indexes);
          indexes = grownIndexes;
        }
      }
      if (bodies) indexes[completed] = index;
      latencies[completed++] = ms;
      if (problem === null) ok++;
      else failures.set(problem, (failures.get(problem) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return {
    completed,
    ok,
    failures: [...failures],
    elapsedMs: performance.now() - started,
    latencies: latencies.slice(0, completed),
    bodyIndexes: indexes.slice(0, bodies ? completed : 0),
  };
}

await phase(performance.now() + warmupMs, false);
const result = await phase(performance.now() + durationMs, true);
agent.destroy();
parentPort.postMessage(result, [result.latencies.buffer, result.bodyIndexes.buffer]);
