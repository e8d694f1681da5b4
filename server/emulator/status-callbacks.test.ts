import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESERVED_NUMBERS } from './constants.js';
import { ACCOUNT, BUSINESS, CUSTOMER, PLAIN_NUMBER, SERVICE, TOKEN, messagesPath, startEmulatorTest } from './testing/setup.js';
import type { EmulatorTest } from './testing/setup.js';
import { waitFor } from './testing/test-server.js';
import type { ReceivedRequest } from './testing/test-server.js';

let t: EmulatorTest;
beforeAll(async () => {
  t = await startEmulatorTest();
});
afterAll(async () => {
  await t.stop();
});
beforeEach(async () => {
  await t.running.emulator.idle();
  t.running.emulator.reset();
  t.app.requests.length = 0;
  t.app.on('/status', () => ({ status: 204 }));
});

const callbacksOf = (sid: string) => t.app.received('/status').filter((r) => r.params.MessageSid === sid);
const statuses = (sid: string) => callbacksOf(sid).map((r) => r.params.MessageStatus);
const signedOk = (r: ReceivedRequest) => twilio.validateRequest(TOKEN, String(r.headers['x-twilio-signature']), r.url, r.params);

describe('status callbacks', () => {
  it('POSTs queued → sending → sent → delivered in order, form-encoded and signed', async () => {
    const msg = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'hi', statusCallback: `${t.app.url}/status` });
    await t.running.emulator.idle();
    expect(statuses(msg.sid)).toEqual(['queued', 'sending', 'sent', 'delivered']);
    for (const r of callbacksOf(msg.sid)) {
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(signedOk(r)).toBe(true);
      expect(twilio.validateRequest('0'.repeat(32), String(r.headers['x-twilio-signature']), r.url, r.params)).toBe(false);
    }
    const delivered = callbacksOf(msg.sid).at(-1)!;
    expect(delivered.params).toMatchObject({
      MessageSid: msg.sid,
      SmsSid: msg.sid,
      MessageStatus: 'delivered',
      SmsStatus: 'delivered',
      AccountSid: ACCOUNT,
      From: PLAIN_NUMBER,
      To: CUSTOMER,
      ApiVersion: '2010-04-01',
    });
    expect(delivered.params.ErrorCode).toBeUndefined();
    expect(delivered.params.MessagingServiceSid).toBeUndefined();
  });

  it('includes MessagingServiceSid and the chosen From for a Messaging Service send', async () => {
    const msg = await t.client.messages.create({ to: CUSTOMER, messagingServiceSid: SERVICE, body: 'hi', statusCallback: `${t.app.url}/status` });
    await t.running.emulator.idle();
    expect(statuses(msg.sid)).toEqual(['queued', 'sending', 'sent', 'delivered']);
    expect(callbacksOf(msg.sid).every((r) => r.params.MessagingServiceSid === SERVICE && r.params.From === BUSINESS)).toBe(true);
  });

  it('signs a callback URL with a query string exactly as Twilio does', async () => {
    const url = `${t.app.url}/status?message=42&kind=sms`;
    const msg = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'q', statusCallback: url });
    await t.running.emulator.idle();
    const [first] = callbacksOf(msg.sid);
    expect(first!.url).toBe(url);
    expect(signedOk(first!)).toBe(true);
  });

  it('retries a callback answered 5xx (same idempotency token) and keeps the order', async () => {
    let failures = 2;
    t.app.on('/status', (r) => (r.params.MessageStatus === 'sent' && failures-- > 0 ? { status: 503 } : { status: 200 }));
    const msg = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'retry', statusCallback: `${t.app.url}/status` });
    await t.running.emulator.idle();
    expect(statuses(msg.sid)).toEqual(['queued', 'sending', 'sent', 'sent', 'sent', 'delivered']);
    const sent = callbacksOf(msg.sid).filter((r) => r.params.MessageStatus === 'sent');
    expect(new Set(sent.map((r) => r.headers['i-twilio-idempotency-token'])).size).toBe(1);
    const delivery = t.running.emulator.deliveries().find((d) => d.params.MessageStatus === 'sent')!;
    expect(delivery.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(delivery.outcome).toBe('delivered');
  });

  it('gives up after the retries and honours Twilio’s #rc= connection override', async () => {
    t.app.on('/status', () => ({ status: 500 }));
    const msg = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'x', statusCallback: `${t.app.url}/status#rc=1` });
    await t.running.emulator.idle();
    expect(statuses(msg.sid)).toEqual(['queued', 'queued', 'sending', 'sending', 'sent', 'sent', 'delivered', 'delivered']);
    expect(t.running.emulator.deliveries().every((d) => d.outcome === 'failed' && d.url === `${t.app.url}/status`)).toBe(true);
  });

  it('retries when the app cannot be reached, then records the failure', async () => {
    const msg = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'x', statusCallback: 'http://127.0.0.1:9/status' });
    await t.running.emulator.idle();
    const deliveries = t.running.emulator.deliveries().filter((d) => d.messageSid === msg.sid);
    expect(deliveries).toHaveLength(4);
    expect(deliveries[0]!.attempts).toHaveLength(4);
    expect(deliveries[0]!.attempts.every((a) => a.status === null && a.error)).toBe(true);
  });
});

describe('reserved numbers', () => {
  const delivery = RESERVED_NUMBERS.filter((r) => r.behaviour.kind === 'delivery');
  it.each(delivery.map((r) => [r.description, r.phoneNumber, r.behaviour.kind === 'delivery' ? r.behaviour.code : 0] as const))(
    '%s (%s) ends undelivered with %i',
    async (_d, number, code) => {
      const msg = await t.client.messages.create({ to: number, from: PLAIN_NUMBER, body: 'x', statusCallback: `${t.app.url}/status` });
      expect(msg.status).toBe('queued');
      await t.running.emulator.idle();
      expect(statuses(msg.sid)).toEqual(['queued', 'sending', 'sent', 'undelivered']);
      const last = callbacksOf(msg.sid).at(-1)!;
      expect(last.params.ErrorCode).toBe(String(code));
      const fetched = await t.client.messages(msg.sid).fetch();
      expect(fetched.errorCode).toBe(code);
      expect(fetched.errorMessage).toBeTruthy();
    },
  );

  it('refuses a number that is not a mobile with 21614 at create', async () => {
    const res = await t.raw('POST', messagesPath, { To: '+12015550186', From: PLAIN_NUMBER, Body: 'x' });
    expect([res.status, res.body.code]).toEqual([400, 21614]);
  });

  it('refuses a number unsubscribed at the carrier with 21610 at create', async () => {
    await expect(t.client.messages.create({ to: '+12015550187', from: PLAIN_NUMBER, body: 'x' })).rejects.toMatchObject({ status: 400, code: 21610 });
  });

  it('leaves a no-receipt number at sent', async () => {
    const msg = await t.client.messages.create({ to: '+12015550188', from: PLAIN_NUMBER, body: 'x', statusCallback: `${t.app.url}/status` });
    await t.running.emulator.idle();
    expect(statuses(msg.sid)).toEqual(['queued', 'sending', 'sent']);
  });
});

describe('fault injection', () => {
  it('fails the next creates with 500, then 429 with Twilio’s 20429, then works again', async () => {
    t.running.emulator.faults.failNextCreates(1, { status: 500 });
    t.running.emulator.faults.failNextCreates(1, { status: 429 });
    const a = await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'x' });
    expect([a.status, a.body.code]).toEqual([500, 20500]);
    await expect(t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'x' })).rejects.toMatchObject({ status: 429, code: 20429 });
    expect((await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'x' })).status).toBe(201);
    expect(t.running.emulator.messages()).toHaveLength(1);
  });

  it('takes faults from the admin endpoint too', async () => {
    const post = await fetch(`${t.running.url}/emulator/api/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNextCreates: 2, status: 503 }),
    });
    expect(post.status).toBe(201);
    expect((await post.json()).pendingCreateFailures).toHaveLength(2);
    expect((await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'x' })).status).toBe(503);
    await fetch(`${t.running.url}/emulator/api/faults`, { method: 'DELETE' });
    expect((await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'x' })).status).toBe(201);
    await waitFor(() => t.running.emulator.messages()[0]?.status === 'delivered');
  });
});
