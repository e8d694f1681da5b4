import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseForm } from '../format.js';

export interface ReceivedRequest {
  method: string;
  path: string;
  /** The full URL as the sender addressed it (what Twilio signs). */
  url: string;
  headers: http.IncomingHttpHeaders;
  params: Record<string, string | string[]>;
  raw: Buffer;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Responder = (req: ReceivedRequest) => Answer | Promise<Answer>;

/**
 * A real HTTP server standing in for the app (webhooks) or a file host (MediaUrl): records
 * every request and answers with the responder of its path (200 empty by default).
 */
export interface TestServer {
  url: string;
  requests: ReceivedRequest[];
  on(path: string, responder: Responder): void;
  received(path: string): ReceivedRequest[];
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const responders = new Map<string, Responder>();
  let base = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0]!;
      const isForm = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        path,
        url: base + (req.url ?? '/'),
        headers: req.headers,
        params: isForm ? parseForm(raw.toString('utf8')) : {},
        raw,
      };
      requests.push(received);
      void Promise.resolve((responders.get(path) ?? ((): Answer => ({})))(received)).then(
        (answer) => {
          res.writeHead(answer.status ?? 200, answer.headers ?? {});
          res.end(req.method === 'HEAD' ? undefined : answer.body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    on: (path, responder) => void responders.set(path, responder),
    received: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns a value (not undefined/false), failing after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A tiny valid PNG (1×1), for MMS tests. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
