import { expect, it } from 'vitest';
import type { Harness } from '../test/harness.js';
import { describeEachDatabase } from '../test/harness.js';
import { freshNumber, receiveText } from '../test/twilio-signing.js';

let setups = 0;

/** Receives a text and answers the id of the open conversation it is now in. */
async function receive(h: Harness, from: string, body: string) {
  await receiveText(h, from, body);
  const row = await h.running.services.db.selectFrom('conversations').select('id').where('endpoint_key', '=', from).where('status', '=', 'open').executeTakeFirstOrThrow();
  return row.id;
}

async function orphanSetup(h: Harness) {
  const admin = await h.signIn('root', { role: 'admin' });
  const ann = await h.signIn('ann');
  const ben = await h.signIn('ben');
  const outsider = await h.signIn('olga');
  const group = (await admin.post('/api/user-groups', { name: `Texts In ${++setups}`, memberIds: [ann.userId, ben.userId] })).body;
  const type = (await admin.post('/api/conversation-types', { name: `Orphan ${setups}` })).body;
  await admin.put('/api/preferences', { orphanUserGroupId: group.id, orphanConversationTypeId: type.id });
  return { admin, ann, ben, outsider, group, type };
}

describeEachDatabase('orphan conversations', (h) => {
  it('lands a text from an unknown number with admins while the orphan settings are missing', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    await admin.put('/api/preferences', { orphanUserGroupId: null, orphanConversationTypeId: null });
    const plain = await h().signIn('paula');
    const id = await receive(h(), freshNumber(), 'anyone?');
    const conv = (await admin.get(`/api/conversations/${id}`)).body;
    expect(conv.tags).toContainEqual(expect.objectContaining({ kind: 'user', id: admin.userId }));
    expect(conv.orphan).toBeNull();
    expect((await plain.get(`/api/conversations/${id}`)).status).toBe(404);
  });

  it('tags the orphan group and type; members see it, others do not; a closed thread’s number makes a new orphan with history', async () => {
    const { admin, ann, outsider, group, type } = await orphanSetup(h());
    const n = freshNumber();
    const id = await receive(h(), n, 'is my order ready?');
    const conv = (await ann.get(`/api/conversations/${id}`)).body;
    expect(conv).toMatchObject({ orphan: { groupId: group.id, groupName: group.name }, type: { id: type.id } });
    expect(conv.tags.map((t: { kind: string; id: number }) => `${t.kind}:${t.id}`)).toEqual([`group:${group.id}`]);
    expect((await ann.get('/api/conversations')).body.items.find((c: { id: number }) => c.id === id).unreadCount).toBe(1);
    expect((await outsider.get(`/api/conversations/${id}`)).status).toBe(404);
    expect((await admin.get(`/api/conversations/${id}`)).status).toBe(200);

    await ann.post(`/api/conversations/${id}/claim`);
    await ann.post(`/api/conversations/${id}/close`);
    const again = await receive(h(), n, 'texting again');
    expect(again).not.toBe(id);
    expect((await ann.get(`/api/conversations/${again}`)).body.orphan).not.toBeNull();
    expect((await ann.get(`/api/conversations/${again}/history`)).body.items.map((c: { id: number }) => c.id)).toEqual([id]);
  });

  it('Claim swaps the group tag for the user; of two users claiming at once exactly one wins and the other is told who', async () => {
    const { ann, ben, group } = await orphanSetup(h());
    const id = await receive(h(), freshNumber(), 'claim me');
    const [a, b] = await Promise.all([ann.post(`/api/conversations/${id}/claim`), ben.post(`/api/conversations/${id}/claim`)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? { res: a, name: 'Ann', id: ann.userId } : { res: b, name: 'Ben', id: ben.userId };
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error.message).toBe(`This conversation was already claimed by ${winner.name}.`);
    expect(winner.res.body.orphan).toBeNull();
    expect(winner.res.body.tags).toEqual([expect.objectContaining({ kind: 'user', id: winner.id })]);
    expect(winner.res.body.tags.some((t: { kind: string; id: number }) => t.kind === 'group' && t.id === group.id)).toBe(false);
    const thread = (await (a.status === 200 ? ann : ben).get(`/api/conversations/${id}/messages`)).body.items;
    expect(thread.at(-1)).toMatchObject({ kind: 'system', body: `Claimed by ${winner.name}.` });
  });

  it('Assign gives the conversation to a member of the orphan group only, and records who assigned it', async () => {
    const { ann, ben, outsider } = await orphanSetup(h());
    const id = await receive(h(), freshNumber(), 'assign me');
    const refused = await ann.post(`/api/conversations/${id}/assign`, { userId: outsider.userId });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Olga is not a member of the Orphan Conversation User Group.');
    const res = await ann.post(`/api/conversations/${id}/assign`, { userId: ben.userId });
    expect(res.status).toBe(404); // Ann is no longer tagged: the conversation went to Ben
    const benView = (await ben.get(`/api/conversations/${id}`)).body;
    expect(benView.tags).toEqual([expect.objectContaining({ kind: 'user', id: ben.userId })]);
    const thread = (await ben.get(`/api/conversations/${id}/messages`)).body.items;
    expect(thread.at(-1).body).toBe('Assigned to Ben by Ann.');
    expect((await ben.post(`/api/conversations/${id}/claim`)).status).toBe(409);
  });
});

describeEachDatabase('deleting messages', (h) => {
  it('erases the content everywhere, keeps a placeholder, and allows only the author or an admin', async () => {
    const alice = await h().signIn('alice');
    const bob = await h().signIn('bob');
    const conv = (await alice.post('/api/conversations', { subject: 'Deletion', tags: [{ kind: 'user', id: bob.userId }] })).body;
    const msg = (await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'secret pricing zanzibar' })).body;
    expect((await bob.delete(`/api/conversations/${conv.id}/messages/${msg.id}`)).status).toBe(403);
    const res = await alice.delete(`/api/conversations/${conv.id}/messages/${msg.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ body: '', author: { name: 'Alice' }, deleted: { by: 'Alice', at: expect.any(String) } });
    const shown = (await bob.get(`/api/conversations/${conv.id}/messages`)).body.items.find((m: { id: number }) => m.id === msg.id);
    expect(shown).toMatchObject({ body: '', deleted: { by: 'Alice' } });
    expect((await alice.get('/api/conversations/search?q=zanzibar')).body.items).toEqual([]);
    const row = await h().running.services.db.selectFrom('messages').select('body').where('id', '=', msg.id).executeTakeFirstOrThrow();
    expect(row.body).toBe('');
  });

  it('erases an inbound text’s stored webhook too, and its text in the consent export (the entry stays)', async () => {
    const admin = await h().signIn('root', { role: 'admin' });
    const n = freshNumber();
    const stopId = await receive(h(), n, 'STOP texting me 4111 now');
    const stop = (await admin.get(`/api/conversations/${stopId}/messages`)).body.items.find((m: { direction: string }) => m.direction === 'inbound');
    await admin.delete(`/api/conversations/${stopId}/messages/${stop.id}`);
    const csv = String((await admin.get(`/api/phone-contacts/${encodeURIComponent(n)}/consent.csv`)).body);
    expect(csv).not.toContain('4111');
    expect(csv).toContain('"initiated_by_phone"');
    const id = await receive(h(), n, 'my card number is 4111');
    const msg = (await admin.get(`/api/conversations/${id}/messages`)).body.items.find((m: { direction: string }) => m.direction === 'inbound');
    await admin.delete(`/api/conversations/${id}/messages/${msg.id}`);
    const raw = await h().running.services.db.selectFrom('inbound_messages').select(['body', 'params']).where('message_id', '=', msg.id).executeTakeFirstOrThrow();
    expect(raw.body).toBe('');
    expect(raw.params).not.toContain('4111');
  });
});
