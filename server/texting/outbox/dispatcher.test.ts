import { expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import type { Services } from '../../context.js';
import { ProviderError } from '../../providers/messaging-provider.js';
import { NETWORK_ERROR } from '../../../core/twilio-errors.js';
import type { ApiClient, Harness } from '../../test/harness.js';
import { describeEachDatabase } from '../../test/harness.js';
import { providerFor } from '../provider-cache.js';
import { createDispatcher } from './dispatcher.js';
import { UNKNOWN_OUTCOME_GRACE_MS } from './reconcile.js';

const opts = { batch: 50, concurrency: 4, ratePerSecond: 0, random: () => 1 };

async function textingConversation(h: Harness, alice: ApiClient, phones: string[]) {
  await h.optIn(...phones);
  const conv = (await alice.post('/api/conversations', { subject: `Texts ${phones.join(',')}` })).body;
  for (const p of phones) expect((await alice.post(`/api/conversations/${conv.id}/phone-numbers`, { phoneNumber: p })).status).toBe(200);
  return conv.id as number;
}
const delivery = (h: Harness, messageId: number) =>
  h.running.services.db.selectFrom('deliveries').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();

describeEachDatabase(
  'outbox dispatcher',
  (h) => {
    it('retries a rate-limited send with backoff and then sends it once', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550150']);
      const msg = (await alice.post(`/api/conversations/${conv}/messages`, { body: 'retry me' })).body;
      const emulator = h().running.emulator!;
      emulator.faults.failNextCreates(2, { status: 429, code: 20429 });
      const d = createDispatcher(h().running.services, opts);

      expect((await d.runOnce()).retried).toBe(1);
      let row = await delivery(h(), msg.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1, error_code: 20429, error_reason: 'PROVIDER_RATE_LIMITED' });
      expect(row.error_message).toMatch(/retried automatically/);
      const firstWait = Date.parse(row.next_attempt_at) - Date.parse(row.updated_at);
      expect((await d.runOnce()).claimed).toBe(0); // not due yet

      h().clock.advance(firstWait + 1);
      expect((await d.runOnce()).retried).toBe(1);
      row = await delivery(h(), msg.id);
      expect(Date.parse(row.next_attempt_at) - Date.parse(row.updated_at)).toBeGreaterThan(firstWait); // backs off further

      h().clock.advance(10 * 60_000);
      expect((await d.runOnce()).accepted).toBe(1);
      row = await delivery(h(), msg.id);
      expect(row.provider_sid).toMatch(/^SM/);
      expect(row.error_code).toBeNull();
      expect(emulator.messages({ phone: '+12015550150' }).filter((m) => m.body === 'retry me')).toHaveLength(1);
    });

    it('records a permanent refusal as failed with Twilio’s code and the explanation, without retrying', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550186']);
      const msg = (await alice.post(`/api/conversations/${conv}/messages`, { body: 'to a landline API refusal' })).body;
      const d = createDispatcher(h().running.services, opts);
      expect((await d.runOnce()).failed).toBe(1);
      const row = await delivery(h(), msg.id);
      expect(row).toMatchObject({ status: 'failed', error_code: 21614, error_reason: 'NOT_A_MOBILE_NUMBER', attempts: 1 });
      expect(row.error_message).toContain('consider Disable Texting This Number');
      h().clock.advance(3_600_000);
      expect((await d.runOnce()).claimed).toBe(0);
      const shown = (await alice.get(`/api/conversations/${conv}/messages`)).body.items.at(-1);
      expect(shown.deliveries[0]).toMatchObject({ status: 'failed', errorCode: 21614, errorReason: 'NOT_A_MOBILE_NUMBER' });
    });

    it('ends undelivered with the carrier’s code when the carrier fails it after sending', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550181']);
      const msg = (await alice.post(`/api/conversations/${conv}/messages`, { body: 'landline' })).body;
      await createDispatcher(h().running.services, opts).runOnce();
      await h().running.emulator!.idle();
      const row = await delivery(h(), msg.id);
      expect(row).toMatchObject({ status: 'undelivered', error_code: 30006 });
      expect(row.error_message).toBe('Landline or unreachable carrier — this number probably cannot receive texts; consider Disable Texting This Number.');
    });

    it('texts every number of a group conversation, each delivery tracked on its own', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550151', '+12015550152']);
      const msg = (await alice.post(`/api/conversations/${conv}/messages`, { body: 'hello both' })).body;
      expect(msg.deliveries.map((x: { to: string }) => x.to)).toEqual(['+12015550151', '+12015550152']);
      await createDispatcher(h().running.services, opts).runOnce();
      const emulator = h().running.emulator!;
      for (const p of ['+12015550151', '+12015550152']) expect(emulator.messages({ phone: p }).filter((m) => m.body === 'hello both')).toHaveLength(1);
    });

    it('paces sends per sender at the configured rate', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550162', '+12015550163', '+12015550164']);
      await alice.post(`/api/conversations/${conv}/messages`, { body: 'paced' });
      const waits: number[] = [];
      const d = createDispatcher(h().running.services, {
        ...opts,
        concurrency: 1,
        ratePerSecond: 4,
        sleep: async (ms) => {
          waits.push(ms);
          h().clock.advance(ms);
        },
      });
      expect((await d.runOnce()).accepted).toBe(3);
      // 4 per second: each send waits for its 250 ms slot (less the few ms the clock moved meanwhile).
      expect(waits).toHaveLength(2);
      for (const w of waits) expect(w).toBeGreaterThan(200);
    });

    it('two dispatchers with their own connections to one database never send a delivery twice', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550153', '+12015550154', '+12015550155']);
      for (let i = 0; i < 12; i++) await alice.post(`/api/conversations/${conv}/messages`, { body: `race ${i}` });
      const second = openDatabase(h().config.database);
      try {
        const other: Services = { ...h().running.services, database: second, db: second.db };
        const a = createDispatcher(h().running.services, { ...opts, batch: 5 });
        const b = createDispatcher(other, { ...opts, batch: 5 });
        for (let round = 0; round < 10; round++) {
          const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
          if (ra.claimed + rb.claimed === 0) break;
        }
      } finally {
        await second.destroy();
      }
      const sent = ['+12015550153', '+12015550154', '+12015550155'].flatMap((p) => h().running.emulator!.messages({ phone: p }).filter((m) => m.body.startsWith('race ')));
      expect(sent).toHaveLength(36);
      expect(new Set(sent.map((m) => `${m.to}|${m.body}`)).size).toBe(36);
      const owners = await h().running.services.db.selectFrom('deliveries').select(['provider_sid']).where('conversation_id', '=', conv).execute();
      expect(owners.every((o) => o.provider_sid)).toBe(true);
    });

    it('settles a send whose answer was lost by finding it at Twilio, instead of sending it again', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550156']);
      const msg = (await alice.post(`/api/conversations/${conv}/messages`, { body: 'lost answer' })).body;
      // Twilio creates the message, but the answer never reaches us (a time-out), and no status
      // callback can identify it: only Twilio's message list can.
      const lossy = (t: Parameters<typeof providerFor>[0]) => {
        const real = providerFor(t);
        return {
          ...real,
          send: async (text: Parameters<typeof real.send>[0]) => {
            await real.send({ ...text, statusCallback: undefined });
            throw new ProviderError(NETWORK_ERROR, null, null, 'unknown');
          },
        };
      };
      const d = createDispatcher(h().running.services, { ...opts, provider: lossy });
      expect((await d.runOnce()).unknown).toBe(1);
      expect(await delivery(h(), msg.id)).toMatchObject({ outcome_unknown: 1, provider_sid: null });
      h().clock.advance(UNKNOWN_OUTCOME_GRACE_MS + 1000);
      const summary = await d.runOnce();
      expect(summary.claimed).toBe(0);
      const row = await delivery(h(), msg.id);
      const atTwilio = h().running.emulator!.messages({ phone: '+12015550156' }).filter((m) => m.body === 'lost answer');
      expect(atTwilio).toHaveLength(1);
      expect(row).toMatchObject({ outcome_unknown: 0, provider_sid: atTwilio[0]!.sid });
    });

    it('sends again a send of unknown outcome that Twilio never received, once', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550157']);
      const msg = (await alice.post(`/api/conversations/${conv}/messages`, { body: 'never arrived' })).body;
      h().running.emulator!.faults.failNextCreates(1, { status: 500 });
      const d = createDispatcher(h().running.services, opts);
      expect((await d.runOnce()).unknown).toBe(1);
      h().clock.advance(UNKNOWN_OUTCOME_GRACE_MS + 1000);
      expect((await d.runOnce()).accepted).toBe(1);
      expect(h().running.emulator!.messages({ phone: '+12015550157' }).filter((m) => m.body === 'never arrived')).toHaveLength(1);
      expect((await delivery(h(), msg.id)).provider_sid).toMatch(/^SM/);
    });

    it('recovers a claim abandoned by a dispatcher that died between claim and send', async () => {
      const alice = await h().signIn('alice');
      const conv = await textingConversation(h(), alice, ['+12015550158']);
      const msg = (await alice.post(`/api/conversations/${conv}/messages`, { body: 'orphaned claim' })).body;
      const at = h().clock.now().toISOString();
      await h().running.services.db.updateTable('deliveries').set({ lease_owner: 'dead-process', lease_until: at, attempt_started_at: at, attempts: 1 }).where('message_id', '=', msg.id).execute();
      const d = createDispatcher(h().running.services, opts);
      h().clock.advance(1000);
      await d.runOnce();
      expect(await delivery(h(), msg.id)).toMatchObject({ outcome_unknown: 1, lease_owner: null });
      h().clock.advance(UNKNOWN_OUTCOME_GRACE_MS + 1000);
      await d.runOnce();
      expect((await delivery(h(), msg.id)).provider_sid).toMatch(/^SM/);
      expect(h().running.emulator!.messages({ phone: '+12015550158' }).filter((m) => m.body === 'orphaned claim')).toHaveLength(1);
    });
  },
  { listen: true },
);
