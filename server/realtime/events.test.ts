import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { listen } from '../test/sse.js';

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
