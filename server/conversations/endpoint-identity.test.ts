import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { endpointKey } from '../../core/endpoints.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { describeEachDatabase } from '../test/harness.js';
import { freshNumber, receiveText } from '../test/twilio-signing.js';


it('keys an endpoint set by its sorted, distinct numbers', () => {
  expect(endpointKey(['+2', '+1', '+2'])).toBe('+1,+2');
  expect(endpointKey([])).toBeNull();
});

describeEachDatabase('one thread per set of endpoints', (h) => {
  it('redirects a new conversation with a number to its open thread, and lets the second user in', async () => {
    const alice = await h().signIn('alice');
    const bob = await h().signIn('bob');
    const n = freshNumber();
    const first = await alice.post('/api/conversations', { subject: 'First', phoneNumbers: [n] });
    expect(first.status).toBe(201);
    const again = await bob.post('/api/conversations', { subject: 'Second', phoneNumbers: [n.replace('+1', '')] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, redirected: true });
    expect(again.body.tags.map((t: { label: string }) => t.label)).toContain('Bob');
  });

  it('redirects when adding numbers produces a set that already has an open thread', async () => {
    const alice = await h().signIn('alice');
    const [a, b] = [freshNumber(), freshNumber()];
    const group = (await alice.post('/api/conversations', { subject: 'Group', phoneNumbers: [a, b] })).body;
    const draft = (await alice.post('/api/conversations', { subject: 'Draft' })).body;
    await alice.post(`/api/conversations/${draft.id}/phone-numbers`, { phoneNumber: b });
    const res = await alice.post(`/api/conversations/${draft.id}/phone-numbers`, { phoneNumber: a });
    expect(res.body).toMatchObject({ id: group.id, redirected: true });
    expect((await alice.get(`/api/conversations/${draft.id}`)).body.phoneNumbers.map((p: { number: string }) => p.number)).toEqual([b]);
  });

  it('makes a new conversation with the same tags when numbers are added to one that holds messages, leaving it as it was', async () => {
    const alice = await h().signIn('alice');
    const customer = (await alice.post('/api/customers', { name: 'Tag Copy Customer' })).body;
    const conv = (await alice.post('/api/conversations', { subject: 'Internal first', tags: [{ kind: 'customer', id: customer.id }], body: 'internal note' })).body;
    const n = freshNumber();
    const res = await alice.post(`/api/conversations/${conv.id}/phone-numbers`, { phoneNumber: n });
    expect(res.body.createdNew).toBe(true);
    expect(res.body.id).not.toBe(conv.id);
    expect(res.body.subject).toBe('Internal first');
    expect(res.body.tags).toContainEqual({ kind: 'customer', id: customer.id, label: 'Tag Copy Customer' });
    expect(res.body.phoneNumbers.map((p: { number: string }) => p.number)).toEqual([n]);
    expect((await alice.get(`/api/conversations/${conv.id}`)).body.phoneNumbers).toEqual([]);
  });

  it('refuses to add numbers after the first text', async () => {
    const alice = await h().signIn('alice');
    const n = freshNumber();
    await h().optIn(n);
    const conv = (await alice.post('/api/conversations', { subject: 'Texted', phoneNumbers: [n] })).body;
    expect((await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'first text' })).status).toBe(201);
    const res = await alice.post(`/api/conversations/${conv.id}/phone-numbers`, { phoneNumber: freshNumber() });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Numbers cannot be added after the first text has been sent in this conversation.');
  });

  it('enforces at most one open conversation per endpoint set in the database itself', async () => {
    const db = h().running.services.db;
    const key = endpointKey([freshNumber()]);
    const row = { subject: 'x', type_id: null, status: 'open' as const, created_by: null, created_at: 'a', updated_at: 'a', last_activity_at: 'a', last_message_id: null, closed_at: null, endpoint_key: key };
    await db.insertInto('conversations').values(row).execute();
    let error: unknown;
    try {
      await db.insertInto('conversations').values(row).execute();
    } catch (err) {
      error = err;
    }
    expect(isUniqueViolation(error)).toBe(true);
    // Closed conversations with the same set are history, not a conflict.
    await db.insertInto('conversations').values({ ...row, status: 'closed' }).execute();
    await db.insertInto('conversations').values({ ...row, status: 'closed' }).execute();
    const n = await db.selectFrom('conversations').select(sql<number>`count(*)`.as('n')).where('endpoint_key', '=', key).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });

  it('routes a reply to the conversation that last texted the number, else its one-to-one thread; a closed thread becomes history of the next', async () => {
    // An admin sees the threads that inbound texts open (no one is tagged in them yet).
    const alice = await h().signIn('root', { role: 'admin' });
    const [a, b] = [freshNumber(), freshNumber()];
    await h().optIn(a, b);
    const solo = (await alice.post('/api/conversations', { subject: 'Solo', phoneNumbers: [a] })).body;
    const group = (await alice.post('/api/conversations', { subject: 'Group', phoneNumbers: [a, b] })).body;
    const receive = (from: string, body: string) => receiveText(h(), from, body);
    await receive(a, 'to the one-to-one');
    await alice.post(`/api/conversations/${group.id}/messages`, { body: 'group text' });
    await receive(a, 'reply to the group');
    const bodies = async (id: number) => (await alice.get(`/api/conversations/${id}/messages`)).body.items.filter((m: { direction: string }) => m.direction === 'inbound').map((m: { body: string }) => m.body);
    expect(await bodies(solo.id)).toEqual(['to the one-to-one']);
    expect(await bodies(group.id)).toEqual(['reply to the group']);

    // b has only the group thread; once it is closed, b's next text opens a new thread with b alone.
    await alice.post(`/api/conversations/${group.id}/close`);
    await receive(b, 'anyone there?');
    const fresh = await h().running.services.db.selectFrom('conversations').select('id').where('endpoint_key', '=', b).where('status', '=', 'open').executeTakeFirstOrThrow();
    expect(await bodies(fresh.id)).toEqual(['anyone there?']);
    await alice.post(`/api/conversations/${fresh.id}/close`);
    await receive(b, 'hello again');
    const newer = await h().running.services.db.selectFrom('conversations').select('id').where('endpoint_key', '=', b).where('status', '=', 'open').executeTakeFirstOrThrow();
    const history = await alice.get(`/api/conversations/${newer.id}/history`);
    expect(history.body.items.map((c: { id: number }) => c.id)).toEqual([fresh.id]);
    // Reopening the closed thread while the new one is open is refused: the set has its thread.
    const reopen = await alice.post(`/api/conversations/${fresh.id}/reopen`);
    expect(reopen.status).toBe(409);
  });

  it('suggests numbers from tagged customers, their contacts, tagged vendors and tagged transactions’ parties', async () => {
    const alice = await h().signIn('alice');
    const customer = (await alice.post('/api/customers', {
      name: 'Suggest Co',
      contactMethods: [{ type: 'Cell Phone', value: '(862) 555-0190', description: 'owner' }, { type: 'Email', value: 'a@b.example' }],
      contacts: [{ name: 'Buyer Bea', title: 'Buyer', phone: '862-555-0191' }],
    })).body;
    const vendor = (await alice.post('/api/vendors', { name: 'Suggest Vendor', contactMethods: [{ type: 'Phone', value: '862 555 0192' }] })).body;
    const tx = (await alice.post('/api/transactions', { type: 'purchase_order', vendorId: vendor.id })).body;
    const conv = (await alice.post('/api/conversations', { subject: 'Suggestions', tags: [{ kind: 'customer', id: customer.id }, { kind: 'transaction', id: tx.id }] })).body;
    const res = await alice.get(`/api/conversations/${conv.id}/phone-suggestions`);
    expect(res.body.items.map((s: { phoneNumber: string; source: string }) => [s.phoneNumber, s.source])).toEqual([
      ['+18625550190', 'Suggest Co — Cell Phone (owner)'],
      ['+18625550191', 'Buyer Bea, Buyer — contact of Suggest Co'],
      ['+18625550192', 'Suggest Vendor — Phone'],
    ]);
  });
});
