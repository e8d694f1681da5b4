import { expect } from 'vitest';
import type { ApiClient, Harness } from './harness.js';

export interface Received {
  event: string;
  data: any;
}

/** Opens the SSE stream as a browser would and collects its events. */
export async function listen(h: Pick<Harness, 'running'> | { running: { url: string } }, who: Pick<ApiClient, 'cookie'>) {
  const controller = new AbortController();
  const res = await fetch(`${h.running.url}/api/events`, { headers: { cookie: who.cookie }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) received.push({ event, data: JSON.parse(data) });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
  })();
  const until = async (pred: (r: Received[]) => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!pred(received)) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(received)}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  await until((r) => r.some((e) => e.event === 'ready'));
  return { received, until, close: () => controller.abort() };
}

