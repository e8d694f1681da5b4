import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, BUSINESS, CUSTOMER, PLAIN_NUMBER, SERVICE, TOKEN, basic, messagesPath, startEmulatorTest } from './testing/setup.js';
import type { EmulatorTest } from './testing/setup.js';

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
});

describe('Messages create, fetch and list', () => {
  it('answers a create with the Message resource in Twilio’s shape', async () => {
    const res = await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'Your order is ready' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(
      ['account_sid', 'api_version', 'body', 'date_created', 'date_sent', 'date_updated', 'direction', 'error_code', 'error_message', 'from',
        'messaging_service_sid', 'num_media', 'num_segments', 'price', 'price_unit', 'sid', 'status', 'subresource_uris', 'to', 'uri'].sort(),
    );
    expect(res.body).toMatchObject({
      account_sid: ACCOUNT,
      api_version: '2010-04-01',
      body: 'Your order is ready',
      direction: 'outbound-api',
      error_code: null,
      from: PLAIN_NUMBER,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: '1',
      price: null,
      status: 'queued',
      to: CUSTOMER,
      date_sent: null,
    });
    expect(res.body.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(res.body.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(res.body.uri).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages/${res.body.sid}.json`);
    expect(res.body.subresource_uris).toEqual({ media: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${res.body.sid}/Media.json` });
  });

  it('parses a form body sent with a charset, repeated keys included', async () => {
    const res = await fetch(t.running.url + messagesPath, {
      method: 'POST',
      headers: { authorization: basic(ACCOUNT, TOKEN), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: `To=${encodeURIComponent(CUSTOMER)}&From=${encodeURIComponent(PLAIN_NUMBER)}&Body=caf%C3%A9+%E2%98%95`,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).body).toBe('café ☕');
  });

  it('accepts a Messaging Service send before choosing the sender, then sends from the service’s number', async () => {
    const created = await t.client.messages.create({ to: CUSTOMER, messagingServiceSid: SERVICE, body: 'hi' });
    expect(created.status).toBe('accepted');
    expect(created.from).toBeNull();
    expect(created.messagingServiceSid).toBe(SERVICE);
    await t.running.emulator.idle();
    const fetched = await t.client.messages(created.sid).fetch();
    expect(fetched.from).toBe(BUSINESS);
    expect(fetched.status).toBe('delivered');
    expect(fetched.price).toBe('-0.00790');
    expect(fetched.priceUnit).toBe('USD');
    expect(fetched.dateSent).toBeInstanceOf(Date);
  });

  it('counts segments as GSM-7 or UCS-2', async () => {
    const cases: [string, string][] = [
      ['a'.repeat(160), '1'],
      ['a'.repeat(161), '2'],
      ['é'.repeat(160), '1'], // é is in the GSM-7 alphabet
      ['👍'.repeat(35), '1'], // 70 UCS-2 code units
      ['👍'.repeat(36), '2'],
    ];
    for (const [body, segments] of cases) {
      const res = await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: body });
      expect([body.length, res.body.num_segments]).toEqual([body.length, segments]);
    }
  });

  it('fetches a message, and answers an unknown SID with 20404', async () => {
    const created = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'x' });
    expect((await t.client.messages(created.sid).fetch()).sid).toBe(created.sid);
    const missing = await t.raw('GET', `/2010-04-01/Accounts/${ACCOUNT}/Messages/SM${'0'.repeat(32)}.json`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 20404, status: 404, more_info: 'https://www.twilio.com/docs/errors/20404' });
  });

  it('lists newest first with To/From/DateSent filters and Twilio’s paging, which the SDK follows', async () => {
    const other = '+12015550124';
    for (let i = 0; i < 5; i++) await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: `m${i}` });
    await t.client.messages.create({ to: other, from: PLAIN_NUMBER, body: 'other' });
    await t.running.emulator.idle();

    const page = await t.raw('GET', `${messagesPath}?To=${encodeURIComponent(CUSTOMER)}&PageSize=2`);
    expect(page.status).toBe(200);
    expect(page.body.messages.map((m: any) => m.body)).toEqual(['m4', 'm3']);
    expect(page.body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
    expect(page.body.first_page_uri).toBe(`${messagesPath}?To=%2B12015550123&PageSize=2&Page=0`);
    expect(page.body.next_page_uri).toMatch(/Page=1&PageToken=PASM[0-9a-f]{32}$/);
    const next = await t.raw('GET', page.body.next_page_uri);
    expect(next.body.messages.map((m: any) => m.body)).toEqual(['m2', 'm1']);

    const all = await t.client.messages.list({ to: CUSTOMER, pageSize: 2 });
    expect(all.map((m) => m.body)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
    expect((await t.client.messages.list({ from: PLAIN_NUMBER })).length).toBe(6);
    const today = new Date();
    expect((await t.client.messages.list({ dateSentAfter: new Date(today.getTime() - 60_000) })).length).toBe(6);
    expect((await t.client.messages.list({ dateSentBefore: new Date(today.getTime() - 86_400_000) })).length).toBe(0);
    const day = today.toISOString().slice(0, 10);
    expect((await t.raw('GET', `${messagesPath}?DateSent=${day}`)).body.messages.length).toBe(6);
  });
});

describe('authentication', () => {
  it('refuses a wrong token with 401 and Twilio’s 20003 body', async () => {
    const res = await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'x' }, basic(ACCOUNT, 'wrong'));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await t.raw('GET', messagesPath, undefined, null)).status).toBe(401);
    const stranger = await t.raw('GET', messagesPath, undefined, basic('AC' + 'e'.repeat(32), TOKEN));
    expect(stranger.body).toMatchObject({ code: 20003, message: 'Authentication Error - invalid username' });
  });

  it('surfaces 20003 to the SDK as a RestException', async () => {
    const { createTwilioClient } = await import('../providers/twilio/request-client.js');
    const bad = createTwilioClient({ accountSid: ACCOUNT, authToken: 'f'.repeat(32), apiBaseUrl: t.running.url });
    await expect(bad.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'x' })).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it('refuses credentials of one account used on another account’s path', async () => {
    const res = await t.raw('GET', `/2010-04-01/Accounts/AC${'1'.repeat(32)}/Messages.json`, undefined, basic(ACCOUNT, TOKEN));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(20003);
  });
});

describe('validation errors, with Twilio’s codes', () => {
  const cases: [string, Record<string, string | string[]>, number][] = [
    ['To missing', { From: PLAIN_NUMBER, Body: 'x' }, 21604],
    ['From and MessagingServiceSid missing', { To: CUSTOMER, Body: 'x' }, 21603],
    ['Body and MediaUrl missing', { To: CUSTOMER, From: PLAIN_NUMBER }, 21602],
    ['To not a phone number', { To: 'not-a-number', From: PLAIN_NUMBER, Body: 'x' }, 21211],
    ['To not a real number', { To: '+1123', From: PLAIN_NUMBER, Body: 'x' }, 21211],
    ['From not a phone number', { To: CUSTOMER, From: 'abc', Body: 'x' }, 21212],
    ['From not on the account', { To: CUSTOMER, From: '+12015550199', Body: 'x' }, 21606],
    ['unknown Messaging Service', { To: CUSTOMER, MessagingServiceSid: 'MG' + 'f'.repeat(32), Body: 'x' }, 21701],
    ['Body over 1600 characters', { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'a'.repeat(1601) }, 21617],
    ['more than 10 MediaUrl', { To: CUSTOMER, From: PLAIN_NUMBER, MediaUrl: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.png`) }, 21623],
    ['MediaUrl not a URL', { To: CUSTOMER, From: PLAIN_NUMBER, MediaUrl: 'ftp://x' }, 21620],
    ['To equal to From', { To: PLAIN_NUMBER, From: PLAIN_NUMBER, Body: 'x' }, 21266],
  ];
  it.each(cases)('%s → 400 %i', async (_name, form, code) => {
    const res = await t.raw('POST', messagesPath, form);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, status: 400, more_info: `https://www.twilio.com/docs/errors/${code}` });
    expect(typeof res.body.message).toBe('string');
  });

  it('accepts exactly 1600 characters', async () => {
    expect((await t.raw('POST', messagesPath, { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'a'.repeat(1600) })).status).toBe(201);
  });

  it('answers unknown Twilio paths with 20404', async () => {
    const res = await t.raw('GET', `/2010-04-01/Accounts/${ACCOUNT}/Calls.json`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(20404);
  });
});
