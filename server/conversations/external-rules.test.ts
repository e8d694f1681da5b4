import { expect, it } from 'vitest';
import { TEXTING_DISABLED_MESSAGE, UNSUBSCRIBED_MESSAGE } from '../../core/send-policy.js';
import type { ApiClient, Harness } from '../test/harness.js';
import { describeEachDatabase } from '../test/harness.js';
import { freshNumber, receiveText } from '../test/twilio-signing.js';
import { createDispatcher } from '../texting/outbox/dispatcher.js';


async function externalConversation(h: Harness, c: ApiClient, numbers: string[], subject = 'External') {
  const res = await c.post('/api/conversations', { subject, phoneNumbers: numbers });
  expect(res.status).toBe(201);
  return res.body.id as number;
}
const thread = async (c: ApiClient, id: number) => (await c.get(`/api/conversations/${id}/messages?limit=200`)).body.items;
const inbound = receiveText;
const card = async (c: ApiClient, n: string) => (await c.get(`/api/phone-contacts/${encodeURIComponent(n)}`)).body;
// Several lanes, as in production: one phone's texts must still arrive in order.
const dispatch = (h: Harness) => createDispatcher(h.running.services, { batch: 50, concurrency: 4, ratePerSecond: 0 }).runOnce();

describeEachDatabase(
  'external conversation rules',
  (h) => {
    it('holds a message to a number that has not opted in, answering OPT_IN_REQUIRED with the numbers', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      const id = await externalConversation(h(), alice, [n]);
      const res = await alice.post(`/api/conversations/${id}/messages`, { body: 'Your order shipped' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('OPT_IN_REQUIRED');
      expect(res.body.error.details.numbers).toEqual([n]);
      const [held] = await thread(alice, id);
      expect(held).toMatchObject({ body: 'Your order shipped', held: true, deliveries: [] });
    });

    it('verbal opt-in records who, when, how and the script, then sends the confirmation and the held message in that order', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      const id = await externalConversation(h(), alice, [n]);
      await alice.post(`/api/conversations/${id}/messages`, { body: 'held until consent' });
      const res = await alice.post(`/api/conversations/${id}/opt-in`, { method: 'verbal', script: 'May we text you? Msg & data rates may apply.' });
      expect(res.body).toEqual({ numbers: [n], method: 'verbal' });
      const c = await card(alice, n);
      expect(c.consent.state).toBe('opted_in');
      expect(c.history).toEqual([expect.objectContaining({ event: 'opted_in', method: 'verbal', user: { id: alice.userId, name: 'Alice' }, text: 'May we text you? Msg & data rates may apply.' })]);
      await dispatch(h());
      const onPhone = h().running.emulator!.messages({ phone: n }).map((m) => m.body);
      expect(onPhone).toHaveLength(2);
      expect(onPhone[0]).toMatch(/you are now subscribed/);
      expect(onPhone[1]).toBe('held until consent');
      expect((await thread(alice, id)).find((m: { body: string }) => m.body === 'held until consent').held).toBe(false);
    });

    it('text opt-in sends the request with START and marks pending; a padded lower-case "start" opts in and the held message follows the confirmation', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      const id = await externalConversation(h(), alice, [n]);
      await alice.post(`/api/conversations/${id}/messages`, { body: 'waiting for START' });
      await alice.post(`/api/conversations/${id}/opt-in`, { method: 'text' });
      expect((await card(alice, n)).consent.state).toBe('pending');
      await dispatch(h());
      const request = h().running.emulator!.messages({ phone: n });
      expect(request).toHaveLength(1);
      expect(request[0]!.body).toContain('START');
      // Still pending: a new message is held too.
      expect((await alice.post(`/api/conversations/${id}/messages`, { body: 'second held' })).body.error.code).toBe('OPT_IN_REQUIRED');

      await inbound(h(), n, '  start ');
      expect((await card(alice, n)).consent.state).toBe('opted_in');
      await dispatch(h());
      const bodies = h().running.emulator!.messages({ phone: n }).map((m) => m.body);
      expect(bodies.slice(1, 2)[0]).toMatch(/you are now subscribed/);
      expect(bodies.slice(2)).toEqual(['waiting for START', 'second held']);
    });

    it('STOP unsubscribes, the next send is refused with the spec’s message, and START re-subscribes', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      await h().optIn(n);
      const id = await externalConversation(h(), alice, [n]);
      await inbound(h(), n, 'Stop');
      expect((await card(alice, n)).consent.state).toBe('opted_out');
      const refused = await alice.post(`/api/conversations/${id}/messages`, { body: 'are you there?' });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'UNSUBSCRIBED', message: UNSUBSCRIBED_MESSAGE });
      // Staff cannot opt an unsubscribed number back in.
      expect((await alice.post(`/api/conversations/${id}/opt-in`, { method: 'verbal', script: 'x' })).body.error.code).toBe('UNSUBSCRIBED');
      await inbound(h(), n, 'START');
      const c = await card(alice, n);
      expect(c.consent.state).toBe('opted_in');
      expect(c.history.map((e: { event: string; method: string }) => `${e.event}/${e.method}`)).toEqual(['opted_out/keyword', 'resubscribed/keyword']);
      expect((await alice.post(`/api/conversations/${id}/messages`, { body: 'welcome back' })).status).toBe(201);
    });

    it('treats Twilio’s other opt-out words and its OptOutType the same way, and a keyword inside a sentence as text', async () => {
      const alice = await h().signIn('alice');
      const [a, b, c] = [freshNumber(), freshNumber(), freshNumber()];
      await h().optIn(a, b, c);
      await inbound(h(), a, 'UNSUBSCRIBE');
      await inbound(h(), b, 'Arrêt', { OptOutType: 'STOP' });
      await inbound(h(), c, 'please stop by the store tomorrow');
      expect((await card(alice, a)).consent.state).toBe('opted_out');
      expect((await card(alice, b)).consent.state).toBe('opted_out');
      expect((await card(alice, c)).consent.state).toBe('opted_in');
    });

    it('checks texting disabled before unsubscribed, with the spec’s text, storing nothing', async () => {
      const alice = await h().signIn('alice');
      const [off, out] = [freshNumber(), freshNumber()];
      await h().optIn(off, out);
      await alice.put(`/api/phone-contacts/${encodeURIComponent(off)}`, { name: null, companyName: null, label: null, notes: null, textingDisabled: true });
      const id = await externalConversation(h(), alice, [off, out]);
      await inbound(h(), out, 'stop');
      const before = (await thread(alice, id)).length;
      const res = await alice.post(`/api/conversations/${id}/messages`, { body: 'group text' });
      expect(res.body.error).toMatchObject({ code: 'TEXTING_DISABLED', message: TEXTING_DISABLED_MESSAGE });
      expect((await thread(alice, id)).length).toBe(before);
    });

    it('opts in a number that texts first with no history ("initiated by the phone"), but not when it texts STOP', async () => {
      const alice = await h().signIn('alice');
      const [first, stopper] = [freshNumber(), freshNumber()];
      await inbound(h(), first, 'hello, do you have oak boards?');
      const c = await card(alice, first);
      expect(c.consent.state).toBe('opted_in');
      expect(c.history[0]).toMatchObject({ event: 'opted_in', method: 'initiated_by_phone' });
      await inbound(h(), stopper, 'STOP');
      expect((await card(alice, stopper)).consent.state).toBe('opted_out');
    });

    it('answers HELP with the configured reply, and a send refused with 21610 marks the number unsubscribed', async () => {
      const alice = await h().signIn('alice');
      const n = freshNumber();
      await h().optIn(n);
      const id = await externalConversation(h(), alice, [n]);
      await inbound(h(), n, 'help');
      const reply = (await thread(alice, id)).at(-1);
      expect(reply).toMatchObject({ direction: 'outbound', deliveries: [expect.objectContaining({ to: n })] });
      expect(reply.body).toMatch(/STOP to opt out/);

      const refused = '+12015550187';
      await h().optIn(refused);
      const rid = await externalConversation(h(), alice, [refused], 'refusing');
      await alice.post(`/api/conversations/${rid}/messages`, { body: 'will be refused' });
      await dispatch(h());
      expect((await card(alice, refused)).consent.state).toBe('opted_out');
      expect((await alice.post(`/api/conversations/${rid}/messages`, { body: 'again' })).body.error.code).toBe('UNSUBSCRIBED');
    });
  },
  { listen: true },
);
