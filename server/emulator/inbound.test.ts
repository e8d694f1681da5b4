import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PhoneSendError } from './inbound.js';
import { ACCOUNT, BUSINESS, CUSTOMER, PLAIN_NUMBER, SERVICE, TOKEN, basic, messagesPath, startEmulatorTest } from './testing/setup.js';
import type { EmulatorTest } from './testing/setup.js';
import { PNG_1X1, waitFor } from './testing/test-server.js';

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
  t.app.on('/sms', () => ({ headers: { 'content-type': 'text/xml' }, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' }));
});

const webhooks = () => t.app.received('/sms');

describe('incoming messages', () => {
  it('POSTs an SMS to the number’s smsUrl with Twilio’s parameters, signed', async () => {
    const sent = await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'Is my order ready?' });
    const [hook] = webhooks();
    expect(hook).toBeDefined();
    expect(twilio.validateRequest(TOKEN, String(hook!.headers['x-twilio-signature']), hook!.url, hook!.params)).toBe(true);
    expect(hook!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.keys(hook!.params).sort()).toEqual(
      ['ToCountry', 'ToState', 'SmsMessageSid', 'NumMedia', 'ToCity', 'FromZip', 'SmsSid', 'FromState', 'SmsStatus', 'FromCity', 'Body',
        'FromCountry', 'To', 'MessagingServiceSid', 'ToZip', 'NumSegments', 'MessageSid', 'AccountSid', 'From', 'ApiVersion'].sort(),
    );
    expect(hook!.params).toMatchObject({
      MessageSid: sent.sid,
      SmsSid: sent.sid,
      SmsMessageSid: sent.sid,
      AccountSid: ACCOUNT,
      MessagingServiceSid: SERVICE,
      From: CUSTOMER,
      To: BUSINESS,
      Body: 'Is my order ready?',
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
      ToCountry: 'US',
      FromCountry: 'US',
      FromState: 'NJ',
    });
    expect(sent).toMatchObject({ direction: 'inbound', status: 'received', from: CUSTOMER, to: BUSINESS });
    const fetched = await t.client.messages(sent.sid).fetch();
    expect(fetched.direction).toBe('inbound');
  });

  it('leaves MessagingServiceSid out for a number outside a service', async () => {
    await t.running.emulator.sendFromPhone(CUSTOMER, { to: PLAIN_NUMBER, body: 'hi' });
    expect(webhooks()[0]!.params.MessagingServiceSid).toBeUndefined();
  });

  it('carries MMS media as MediaUrlN / MediaContentTypeN, fetchable with Basic auth', async () => {
    const sent = await t.running.emulator.sendFromPhone(CUSTOMER, {
      body: 'Here is the damage',
      media: [{ contentType: 'image/png', data: PNG_1X1, filename: 'dent.png' }, { contentType: 'image/jpeg', data: Buffer.from('jpeg!') }],
    });
    expect(sent.sid).toMatch(/^MM/);
    const params = webhooks()[0]!.params;
    expect(params.NumMedia).toBe('2');
    expect(params.MediaContentType0).toBe('image/png');
    expect(params.MediaContentType1).toBe('image/jpeg');
    expect(params.MediaUrl0).toMatch(new RegExp(`^${t.running.url}/2010-04-01/Accounts/${ACCOUNT}/Messages/${sent.sid}/Media/ME[0-9a-f]{32}$`));
    expect((await fetch(String(params.MediaUrl0))).status).toBe(401);
    const file = await fetch(String(params.MediaUrl0), { headers: { authorization: basic(ACCOUNT, TOKEN) } });
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG_1X1)).toBe(true);
    expect((await t.client.messages(sent.sid).media.list()).length).toBe(2);
  });

  it('retries the webhook on 5xx and records the outcome on the message', async () => {
    let failures = 2;
    t.app.on('/sms', () => (failures-- > 0 ? { status: 502 } : { status: 200, body: '' }));
    const sent = await t.running.emulator.sendFromPhone(CUSTOMER, { body: 'again?' });
    expect(webhooks()).toHaveLength(3);
    expect(new Set(webhooks().map((r) => r.headers['i-twilio-idempotency-token'])).size).toBe(1);
    const view = await (await fetch(`${t.running.url}/emulator/api/phones/${encodeURIComponent(CUSTOMER)}/messages`)).json();
    expect(view.messages.find((m: any) => m.sid === sent.sid).webhook).toBe('delivered');
  });

  it('retries a webhook that times out', async () => {
    const quick = await startEmulatorTest({ webhookRetry: { delaysMs: [0], timeoutMs: 100, retries: 1 } });
    try {
      let slow = true;
      quick.app.on('/sms', async () => {
        if (slow) {
          slow = false;
          await new Promise((r) => setTimeout(r, 400));
        }
        return { status: 200 };
      });
      await quick.running.emulator.sendFromPhone(CUSTOMER, { body: 'slow app' });
      const [delivery] = quick.running.emulator.deliveries();
      expect(delivery!.attempts.map((a) => a.status)).toEqual([null, 200]);
      expect(delivery!.attempts[0]!.error).toMatch(/timeout|aborted/i);
      expect(delivery!.outcome).toBe('delivered');
    } finally {
      await quick.stop();
    }
  });

  it('marks the send failed for the phone when the app never answers 2xx', async () => {
    t.app.on('/sms', () => ({ status: 500 }));
    await t.running.emulator.sendFromPhone(CUSTOMER, { body: 'anyone?' });
    expect(webhooks()).toHaveLength(4);
    expect(t.running.emulator.deliveries()[0]!.outcome).toBe('failed');
  });

  it('sends a TwiML <Message> reply back to the phone', async () => {
    t.app.on('/sms', () => ({ headers: { 'content-type': 'text/xml' }, body: '<Response><Message>Thanks &amp; see you</Message></Response>' }));
    await t.running.emulator.sendFromPhone(CUSTOMER, { body: 'hello' });
    await t.running.emulator.idle();
    const replies = t.running.emulator.messages({ phone: CUSTOMER }).filter((m) => m.direction === 'outbound-reply');
    expect(replies.map((m) => [m.body, m.status])).toEqual([['Thanks & see you', 'delivered']]);
  });

  it('refuses a phone send without a valid number or anything to send', async () => {
    await expect(t.running.emulator.sendFromPhone('12345', { body: 'x' })).rejects.toBeInstanceOf(PhoneSendError);
    await expect(t.running.emulator.sendFromPhone(CUSTOMER, { body: '' })).rejects.toThrow(/Type a message/);
    await expect(t.running.emulator.sendFromPhone(CUSTOMER, { to: '+12015550177', body: 'x' })).rejects.toThrow(/not one of the business numbers/);
  });
});

describe('Advanced Opt-Out', () => {
  it.each(['STOP', ' stop ', 'Unsubscribe', 'cancel', 'END', 'quit', 'STOPALL', 'revoke', 'optout'])(
    '“%s” opts the phone out: OptOutType=STOP, then sends fail with 21610',
    async (word) => {
      await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: word });
      expect(webhooks()[0]!.params.OptOutType).toBe('STOP');
      expect(t.running.emulator.isOptedOut(CUSTOMER, BUSINESS)).toBe(true);
      const refused = await t.raw('POST', messagesPath, { To: CUSTOMER, MessagingServiceSid: SERVICE, Body: 'promo' });
      expect([refused.status, refused.body.code]).toEqual([400, 21610]);
      await expect(t.client.messages.create({ to: CUSTOMER, from: BUSINESS, body: 'x' })).rejects.toMatchObject({ code: 21610 });
    },
  );

  it('is per sender: another number can still text the phone', async () => {
    await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'STOP' });
    expect((await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'still ok' })).status).toBe(201);
  });

  it('does not treat a sentence containing STOP as a keyword', async () => {
    await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'please stop by tomorrow' });
    expect(webhooks()[0]!.params.OptOutType).toBeUndefined();
    expect(t.running.emulator.isOptedOut(CUSTOMER, BUSINESS)).toBe(false);
  });

  it('START / UNSTOP / YES re-subscribe with OptOutType=START', async () => {
    for (const word of ['start', 'UNSTOP', 'Yes']) {
      t.app.requests.length = 0;
      await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'STOP' });
      await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: word });
      expect(webhooks().map((r) => r.params.OptOutType)).toEqual(['STOP', 'START']);
      expect(t.running.emulator.isOptedOut(CUSTOMER, BUSINESS)).toBe(false);
      expect((await t.raw('POST', messagesPath, { To: CUSTOMER, MessagingServiceSid: SERVICE, Body: 'welcome back' })).status).toBe(201);
    }
  });

  it('HELP / INFO give OptOutType=HELP without opting out', async () => {
    await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'help' });
    await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'INFO' });
    expect(webhooks().map((r) => r.params.OptOutType)).toEqual(['HELP', 'HELP']);
    expect(t.running.emulator.isOptedOut(CUSTOMER, BUSINESS)).toBe(false);
  });

  it('sends Twilio’s confirmation to the phone after STOP', async () => {
    await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'STOP' });
    await waitFor(() => t.running.emulator.messages({ phone: CUSTOMER }).find((m) => m.direction === 'outbound-reply' && m.status === 'delivered'));
    const reply = t.running.emulator.messages({ phone: CUSTOMER }).find((m) => m.direction === 'outbound-reply')!;
    expect(reply.body).toMatch(/unsubscribed/);
  });
});
