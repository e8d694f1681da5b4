import { expect, it } from 'vitest';
import { searchTerms } from './queries/search-conversations.js';
import { describeEachDatabase } from '../test/harness.js';

it('splits a query into index terms, dropping punctuation that would break the full-text syntax', () => {
  expect(searchTerms('  "Widget"  order #42 — ÄPFEL * OR ')).toEqual(['widget', 'order', '42', 'äpfel', 'or']);
  expect(searchTerms('*** ""')).toEqual([]);
});

describeEachDatabase('conversation search', (h) => {
  it('finds conversations by message text, newest match first, only among those the viewer can see', async () => {
    const alice = await h().signIn('alice');
    const bob = await h().signIn('bob');
    const older = (await alice.post('/api/conversations', { subject: 'First', body: 'the blue pallet is damaged' })).body;
    const hidden = (await bob.post('/api/conversations', { subject: 'Bob only', body: 'blue pallet for bob' })).body;
    const newer = (await alice.post('/api/conversations', { subject: 'Second', body: 'another blue pallet shipped' })).body;
    const res = await alice.get('/api/conversations/search?q=blue%20pallet');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: number }) => c.id)).toEqual([newer.id, older.id]);
    expect(res.body.items.map((c: { id: number }) => c.id)).not.toContain(hidden.id);
    // Appending to the older conversation makes it the newest match.
    await alice.post(`/api/conversations/${older.id}/messages`, { body: 'a third BLUE pallet' });
    const again = await alice.get('/api/conversations/search?q=blue%20pallet');
    expect(again.body.items.map((c: { id: number }) => c.id)).toEqual([older.id, newer.id]);
  });

  it('finds an old match behind tens of thousands of newer messages, and the newest matches first when there are many', async () => {
    const alice = await h().signIn('alice');
    const old = (await alice.post('/api/conversations', { subject: 'Old one', body: 'the quetzal shipment arrived' })).body;
    const busy = (await alice.post('/api/conversations', { subject: 'Busy', body: 'start' })).body;
    const at = h().clock.now().toISOString();
    const db = h().running.services.db;
    for (let start = 0; start < 25_000; start += 1000) {
      await db
        .insertInto('messages')
        .values(Array.from({ length: 1000 }, (_, i) => ({ conversation_id: busy.id, author_id: alice.userId, kind: 'user' as const, body: (start + i) % 500 === 0 ? `toucan sighting ${start + i}` : `routine note ${start + i}`, created_at: at })))
        .execute();
    }
    const found = await alice.get('/api/conversations/search?q=quetzal');
    expect(found.body.items.map((c: { id: number }) => c.id)).toEqual([old.id]);
    const many = await alice.get('/api/conversations/search?q=toucan');
    expect(many.body.items.map((c: { id: number }) => c.id)).toEqual([busy.id]);
  });

  it('matches the last word as a prefix and all words together', async () => {
    const alice = await h().signIn('alice');
    const conv = (await alice.post('/api/conversations', { subject: 'Prefix', body: 'invoice reconciliation pending' })).body;
    const prefix = await alice.get('/api/conversations/search?q=reconcil');
    expect(prefix.body.items.map((c: { id: number }) => c.id)).toContain(conv.id);
    const both = await alice.get('/api/conversations/search?q=invoice%20zebra');
    expect(both.body.items.map((c: { id: number }) => c.id)).not.toContain(conv.id);
  });

  it('finds conversations by subject and by a tagged participant or record', async () => {
    const alice = await h().signIn('alice');
    const quentin = await h().signIn('quentin', { name: 'Quentin Blake' });
    const customer = (await alice.post('/api/customers', { name: 'Marigold Bakery' })).body;
    const bySubject = (await alice.post('/api/conversations', { subject: 'Quarterly rebate plan' })).body;
    const byPerson = (await alice.post('/api/conversations', { subject: 'Misc', tags: [{ kind: 'user', id: quentin.userId }] })).body;
    const byCustomer = (await alice.post('/api/conversations', { subject: 'Misc 2', tags: [{ kind: 'customer', id: customer.id }] })).body;
    const ids = async (q: string) => (await alice.get(`/api/conversations/search?q=${encodeURIComponent(q)}`)).body.items.map((c: { id: number }) => c.id);
    expect(await ids('rebate')).toEqual([bySubject.id]);
    expect(await ids('quentin')).toEqual([byPerson.id]);
    expect(await ids('marigold')).toEqual([byCustomer.id]);
  });

  it('treats search syntax characters as plain text and refuses an empty query', async () => {
    const alice = await h().signIn('alice');
    const odd = await alice.get(`/api/conversations/search?q=${encodeURIComponent('"NEAR( * OR : -')}`);
    expect(odd.status).toBe(200);
    const empty = await alice.get('/api/conversations/search?q=%20');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].field).toBe('querystring.q');
  });
});
