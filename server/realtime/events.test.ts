import { expect, it } from 'vitest';
import type { ApiClient, Harness } from '../test/harness.js';
import { describeEachDatabase } from '../test/harness.js';

interface Received {
  event: string;
  data: any;
}

/** Opens the SSE stream as a browser would and collects its events. */
async function listen(h: Harness, who: ApiClient) {
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

describeEachDatabase(
  'realtime events',
  (h) => {
    it('pushes new messages to tagged users only, with the same shape as the HTTP API', async () => {
      const alice = await h().signIn('alice');
      const bob = await h().signIn('bob');
      const carol = await h().signIn('carol');
      const bobStream = await listen(h(), bob);
      const carolStream = await listen(h(), carol);
      try {
        const conv = (await alice.post('/api/conversations', { subject: 'Live', tags: [{ kind: 'user', id: bob.userId }] })).body;
        // The post answers with its first message plus the batch it created (here just that one).
        const { batch, ...posted } = (await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'hello bob' })).body;
        expect(batch).toEqual([posted]);
        await bobStream.until((r) => r.some((e) => e.event === 'message.created'));
        const created = bobStream.received.find((e) => e.event === 'message.created')!;
        expect(created.data).toEqual({ conversationId: conv.id, message: posted });
        expect(bobStream.received.map((e) => e.event)).toContain('conversation.created');

        // Carol is told about a conversation only once she can see it.
        await alice.post(`/api/conversations/${conv.id}/tags`, { kind: 'user', id: carol.userId });
        await carolStream.until((r) => r.some((e) => e.event === 'conversation.updated'));
        expect(carolStream.received.filter((e) => e.event === 'message.created')).toEqual([]);
      } finally {
        bobStream.close();
        carolStream.close();
      }
    });

    it('refuses the stream without a session', async () => {
      const res = await fetch(`${h().running.url}/api/events`);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
    });
  },
  { listen: true },
);
