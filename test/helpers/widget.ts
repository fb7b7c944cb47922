import { request as httpRequest } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

let nextHost = 0;
/**
 * A fresh loopback address for each caller (127.0.x.y; Linux routes all of 127/8 to lo), so a test
 * can send from "another IP" for real: the server sees it as the socket's remote address.
 */
export function freshIp(): string {
  nextHost += 1;
  return `127.${10 + (process.pid % 200)}.${Math.floor(nextHost / 250)}.${(nextHost % 250) + 2}`;
}

/** Sends an HTTP request from a given local address. */
export function send(url: string, options: { method?: string; ip?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        localAddress: options.ip ?? '127.0.0.1',
        headers: { ...(options.body ? { 'content-length': String(options.body.length) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    // The server may answer an oversized body before reading it all and close: that is an answer, not a failure.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(options.body);
  });
}

/** Form fields of a widget request; `attachment` is a file. */
export interface RequestFields {
  name?: string;
  email?: string;
  subject?: string;
  message?: string;
  website?: string;
  token?: string;
  attachment?: { name: string; type: string; data: Buffer };
}

/** A multipart/form-data body as a browser's FormData would send it. */
export async function multipart(fields: RequestFields): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string') form.append(key, value);
    else form.append(key, new Blob([new Uint8Array(value.data)], { type: value.type }), value.name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}
