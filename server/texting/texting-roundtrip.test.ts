import { expect, it } from 'vitest';
import type { Harness } from '../test/harness.js';
import { describeEachDatabase } from '../test/harness.js';
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN } from '../emulator/index.js';
import { checkResponse, validateCreateRequest } from '../emulator/testing/openapi.js';

/** Polls until `check` returns a value (bounded), for work the background workers do. */
async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const PHONE = '+12015550123';

describeEachDatabase(
  'texting through the emulator over HTTP',
  (h: () => Harness) => {
    it('texts a phone, tracks delivery to delivered, and routes the reply into the conversation', async () => {
      const alice = await h().signIn('alice');
      await h().optIn(PHONE);
      const emulator = h().running.emulator!;
      expect(emulator).toBeTruthy();
      const conv = (await alice.post('/api/conversations', { subject: 'Order pickup' })).body;
      const added = await alice.post(`/api/conversations/${conv.id}/phone-numbers`, { phoneNumber: '(201) 555-0123' });
      expect(added.status).toBe(200);
      expect(added.body.phoneNumbers).toEqual([{ number: PHONE, label: '(201) 555-0123', formatted: '(201) 555-0123', consent: 'opted_in', textingDisabled: false }]);
      expect(added.body.external).toBe(true);

      const posted = await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'Your order is ready for pickup.' });
      expect(posted.status).toBe(201);
      expect(posted.body.direction).toBe('outbound');
      expect(posted.body.deliveries).toEqual([expect.objectContaining({ to: PHONE, status: 'queued' })]);

      const onPhone = await eventually(async () => emulator.messages({ phone: PHONE }).find((m) => m.body === 'Your order is ready for pickup.'), 'the phone to receive the text');
      expect(onPhone.to).toBe(PHONE);

      const delivered = await eventually(async () => {
        const msgs = (await alice.get(`/api/conversations/${conv.id}/messages`)).body.items;
        const m = msgs.find((x: { id: number }) => x.id === posted.body.id);
        return m.deliveries[0].status === 'delivered' ? m.deliveries[0] : null;
      }, 'delivered status');
      expect(delivered.errorCode).toBeNull();
      const row = await h().running.services.db.selectFrom('deliveries').selectAll().where('message_id', '=', posted.body.id).executeTakeFirstOrThrow();
      expect(row.provider_sid).toBe(onPhone.sid);

      await emulator.sendFromPhone(PHONE, { body: 'Great, on my way!' });
      const reply = await eventually(async () => {
        const msgs = (await alice.get(`/api/conversations/${conv.id}/messages`)).body.items;
        return msgs.find((x: { direction: string }) => x.direction === 'inbound');
      }, 'the reply in the conversation');
      expect(reply).toMatchObject({ body: 'Great, on my way!', phoneNumber: PHONE, author: null });

      // What the adapter sent is a Messages create that Twilio's own OpenAPI description accepts.
      const creates = emulator.apiRequests().filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json'));
      expect(creates.length).toBeGreaterThan(0);
      for (const c of creates) {
        const check = validateCreateRequest(c.form);
        expect(check.ok, check.errors).toBe(true);
        expect(c.form).toMatchObject({ To: PHONE, MessagingServiceSid: expect.stringMatching(/^MG/), StatusCallback: expect.stringMatching(/\/webhooks\/twilio\/status\?d=\d+$/) });
      }
    });

    it('checks the connection with an Account fetch whose answer matches Twilio’s schema', async () => {
      const admin = await h().signIn('root', { role: 'admin' });
      expect((await admin.post('/api/preferences/twilio/test')).body.ok).toBe(true);
      const res = await fetch(`${h().running.services.runtime.baseUrl}/2010-04-01/Accounts/${DEMO_ACCOUNT_SID}.json`, {
        headers: { authorization: `Basic ${Buffer.from(`${DEMO_ACCOUNT_SID}:${DEMO_AUTH_TOKEN}`).toString('base64')}` },
      });
      expect(checkResponse('/2010-04-01/Accounts/{Sid}.json', 'get', '200', await res.json())).toBeNull();
    });

    it('refuses a phone number that is not valid, storing nothing', async () => {
      const alice = await h().signIn('alice');
      const conv = (await alice.post('/api/conversations', { subject: 'Bad number' })).body;
      const res = await alice.post(`/api/conversations/${conv.id}/phone-numbers`, { phoneNumber: '555-12' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_PHONE_NUMBER');
      expect(res.body.error.message).toContain('555-12');
      expect((await alice.get(`/api/conversations/${conv.id}`)).body.phoneNumbers).toEqual([]);
    });
  },
  { listen: true, env: { WORKERS: 'true' } },
);
