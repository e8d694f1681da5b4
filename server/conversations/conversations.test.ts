import { UNREAD_COUNT_CAP } from '../../core/conversations.js';
import { expect, it } from 'vitest';
import type { ApiClient, Harness } from '../test/harness.js';
import { describeEachDatabase } from '../test/harness.js';

async function makeGroup(h: Harness, name: string, memberIds: number[]) {
  const db = h.running.services.db;
  const { id } = await db.insertInto('user_groups').values({ name, description: null, created_at: h.clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow();
  if (memberIds.length) await db.insertInto('user_group_members').values(memberIds.map((user_id) => ({ group_id: id, user_id }))).execute();
  return id;
}

async function start(c: ApiClient, subject: string, tags: { kind: string; id: number }[] = [], body?: string) {
  const res = await c.post('/api/conversations', { subject, tags, ...(body ? { body } : {}) });
  expect(res.status).toBe(201);
  return res.body;
}

describeEachDatabase('conversations API', (h) => {
  it('creates a conversation, tags the creator automatically, and shows it to the tagged users only', async () => {
    const alice = await h().signIn('alice');
    const bob = await h().signIn('bob');
    const carol = await h().signIn('carol');
    const conv = await start(alice, 'Crate of widgets', [{ kind: 'user', id: bob.userId }], 'Did the crate arrive?');
    expect(conv.tags.map((t: { kind: string; label: string }) => `${t.kind}:${t.label}`)).toEqual(['user:Alice', 'user:Bob']);
    expect(conv.lastMessage.body).toBe('Did the crate arrive?');

    const bobList = await bob.get('/api/conversations');
    expect(bobList.body.items.map((c: { id: number }) => c.id)).toContain(conv.id);
    expect(bobList.body.items.find((c: { id: number }) => c.id === conv.id).unreadCount).toBe(1);
    const carolList = await carol.get('/api/conversations');
    expect(carolList.body.items.map((c: { id: number }) => c.id)).not.toContain(conv.id);
  });

  it('refuses every read and write to a user who cannot see the conversation', async () => {
    const alice = await h().signIn('alice');
    const carol = await h().signIn('carol');
    const conv = await start(alice, 'Private matter', [], 'secret');
    const attempts = [
      carol.get(`/api/conversations/${conv.id}`),
      carol.get(`/api/conversations/${conv.id}/messages`),
      carol.post(`/api/conversations/${conv.id}/messages`, { body: 'let me in' }),
      carol.post(`/api/conversations/${conv.id}/tags`, { kind: 'user', id: carol.userId }),
      carol.delete(`/api/conversations/${conv.id}/tags/user/${alice.userId}`),
      carol.post(`/api/conversations/${conv.id}/close`),
      carol.post(`/api/conversations/${conv.id}/read`, {}),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const messages = await alice.get(`/api/conversations/${conv.id}/messages`);
    expect(messages.body.items.map((m: { body: string }) => m.body)).toEqual(['secret']);
    const anon = await h().anonymous().get(`/api/conversations/${conv.id}`);
    expect(anon.status).toBe(401);
  });

  it('lets members of a tagged user group see the conversation, and admins see all', async () => {
    const alice = await h().signIn('alice');
    const dave = await h().signIn('dave');
    const erin = await h().signIn('erin');
    const admin = await h().signIn('root', { role: 'admin' });
    const group = await makeGroup(h(), `Purchasing ${Math.random()}`, [dave.userId]);
    const conv = await start(alice, 'For purchasing', [{ kind: 'group', id: group }]);
    expect((await dave.get(`/api/conversations/${conv.id}`)).status).toBe(200);
    expect((await erin.get(`/api/conversations/${conv.id}`)).status).toBe(404);
    expect((await admin.get(`/api/conversations/${conv.id}`)).status).toBe(200);
    const posted = await dave.post(`/api/conversations/${conv.id}/messages`, { body: 'On it' });
    expect(posted.status).toBe(201);
    expect(posted.body.author.name).toBe('Dave');
  });

  it('orders the list by last activity, previews the last message, and counts unread per viewer', async () => {
    const alice = await h().signIn('alice');
    const bob = await h().signIn('bob');
    const first = await start(alice, 'Order first', [{ kind: 'user', id: bob.userId }], 'one');
    const second = await start(alice, 'Order second', [{ kind: 'user', id: bob.userId }], 'two');
    await alice.post(`/api/conversations/${first.id}/messages`, { body: 'three' });
    const list = (await bob.get('/api/conversations')).body.items;
    const ids = list.map((c: { id: number }) => c.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const f = list.find((c: { id: number }) => c.id === first.id);
    expect(f.lastMessage).toMatchObject({ body: 'three', authorName: 'Alice' });
    expect(f.unreadCount).toBe(2);
    expect((await alice.get(`/api/conversations/${first.id}`)).body.unreadCount).toBe(0);
    expect((await bob.post(`/api/conversations/${first.id}/read`, {})).status).toBe(204);
    expect((await bob.get(`/api/conversations/${first.id}`)).body.unreadCount).toBe(0);
  });

  it('counts unread messages up to 100, so a huge unread thread costs no more than a small one', async () => {
    const alice = await h().signIn('alice');
    const bob = await h().signIn('bob');
    const conv = await start(alice, 'Very busy', [{ kind: 'user', id: bob.userId }], 'first');
    const at = h().clock.now().toISOString();
    await h().running.services.db
      .insertInto('messages')
      .values(Array.from({ length: 149 }, (_, i) => ({ conversation_id: conv.id, author_id: alice.userId, kind: 'user' as const, body: `m${i}`, created_at: at })))
      .execute();
    expect((await bob.get(`/api/conversations/${conv.id}`)).body.unreadCount).toBe(UNREAD_COUNT_CAP);
    const messages = (await bob.get(`/api/conversations/${conv.id}/messages?limit=100`)).body.items;
    await bob.post(`/api/conversations/${conv.id}/read`, { messageId: messages[messages.length - 60].id });
    expect((await bob.get(`/api/conversations/${conv.id}`)).body.unreadCount).toBe(59);
  });

  it('pages long threads backwards by message id', async () => {
    const alice = await h().signIn('alice');
    const conv = await start(alice, 'Long thread');
    for (let i = 1; i <= 7; i++) await alice.post(`/api/conversations/${conv.id}/messages`, { body: `m${i}` });
    const last = (await alice.get(`/api/conversations/${conv.id}/messages?limit=3`)).body;
    expect(last.items.map((m: { body: string }) => m.body)).toEqual(['m5', 'm6', 'm7']);
    expect(last.hasMore).toBe(true);
    const earlier = (await alice.get(`/api/conversations/${conv.id}/messages?limit=5&before=${last.items[0].id}`)).body;
    expect(earlier.items.map((m: { body: string }) => m.body)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(earlier.hasMore).toBe(false);
  });

  it('pages the conversation list with a cursor without repeating or skipping', async () => {
    const zed = await h().signIn('zed');
    const made: number[] = [];
    for (let i = 0; i < 5; i++) made.push((await start(zed, `Paged ${i}`)).id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: number }[]; nextCursor: string | null } } = await zed.get(
        `/api/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    expect((await zed.get('/api/conversations?cursor=garbage')).status).toBe(400);
  });

  it('closes and reopens; a closed conversation refuses new messages; the status filter applies', async () => {
    const alice = await h().signIn('alice');
    const conv = await start(alice, 'To close');
    const closed = await alice.post(`/api/conversations/${conv.id}/close`);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.closedAt).not.toBeNull();
    const refused = await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'late' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/closed/);
    expect((await alice.get('/api/conversations?status=open')).body.items.map((c: { id: number }) => c.id)).not.toContain(conv.id);
    expect((await alice.get('/api/conversations?status=closed')).body.items.map((c: { id: number }) => c.id)).toContain(conv.id);
    expect((await alice.post(`/api/conversations/${conv.id}/reopen`)).body.status).toBe('open');
    const thread = (await alice.get(`/api/conversations/${conv.id}/messages`)).body.items;
    expect(thread.map((m: { kind: string; body: string }) => `${m.kind}:${m.body}`)).toEqual([
      'system:Alice closed the conversation.',
      'system:Alice reopened the conversation.',
    ]);
  });

  it('tags and untags records and people, keeps at least one person, and filters by linked record', async () => {
    const alice = await h().signIn('alice');
    const bob = await h().signIn('bob');
    const customer = (await alice.post('/api/customers', { name: 'Linked Customer' })).body;
    const conv = await start(alice, 'About a customer');
    const tagged = await alice.post(`/api/conversations/${conv.id}/tags`, { kind: 'customer', id: customer.id });
    expect(tagged.body.tags).toContainEqual({ kind: 'customer', id: customer.id, label: 'Linked Customer' });
    expect((await alice.post(`/api/conversations/${conv.id}/tags`, { kind: 'customer', id: 999999 })).status).toBe(404);
    const linked = await alice.get(`/api/conversations?tag=customer:${customer.id}`);
    expect(linked.body.items.map((c: { id: number }) => c.id)).toEqual([conv.id]);

    const lastPerson = await alice.delete(`/api/conversations/${conv.id}/tags/user/${alice.userId}`);
    expect(lastPerson.status).toBe(409);
    await alice.post(`/api/conversations/${conv.id}/tags`, { kind: 'user', id: bob.userId });
    const selfRemoved = await alice.delete(`/api/conversations/${conv.id}/tags/user/${alice.userId}`);
    expect(selfRemoved.status).toBe(204);
    expect((await alice.get(`/api/conversations/${conv.id}`)).status).toBe(404);
    expect((await bob.get(`/api/conversations/${conv.id}`)).body.tags.map((t: { label: string }) => t.label)).toEqual(['Bob', 'Linked Customer']);
  });

  it('rejects invalid input naming the fields', async () => {
    const alice = await h().signIn('alice');
    const res = await alice.post('/api/conversations', { subject: ' ', tags: [{ kind: 'planet', id: 1 }] });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.subject', 'body.tags.0.kind']));
    const conv = await start(alice, 'Valid');
    const empty = await alice.post(`/api/conversations/${conv.id}/messages`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].field).toBe('body.body');
  });
});
