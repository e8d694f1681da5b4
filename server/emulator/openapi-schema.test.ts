import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, CUSTOMER, PLAIN_NUMBER, SERVICE, messagesPath, startEmulatorTest } from './testing/setup.js';
import type { EmulatorTest } from './testing/setup.js';
import { checkResponse, createMessageRequestSchema, spec, validateCreateRequest } from './testing/openapi.js';
import { PNG_1X1, startTestServer } from './testing/test-server.js';
import type { TestServer } from './testing/test-server.js';

// Checks the emulator's wire format against Twilio's own OpenAPI description of API v2010
// (twilio_api_v2010.json, shipped in @twilio-alpha/mcp), with $refs resolved by Ajv.
const P = {
  messages: '/2010-04-01/Accounts/{AccountSid}/Messages.json',
  message: '/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json',
  mediaList: '/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json',
  media: '/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json',
};

let t: EmulatorTest;
let files: TestServer;
let smsSid = '';
let mmsSid = '';
let inboundSid = '';
beforeAll(async () => {
  t = await startEmulatorTest();
  files = await startTestServer();
  files.on('/a.png', () => ({ headers: { 'content-type': 'image/png' }, body: PNG_1X1 }));
  // Everything the SDK may put in a create, so each parameter is checked against the spec.
  await t.client.messages.create({
    to: CUSTOMER,
    from: PLAIN_NUMBER,
    body: 'All parameters',
    statusCallback: `${t.app.url}/status`,
    mediaUrl: [`${files.url}/a.png`],
    provideFeedback: true,
    validityPeriod: 600,
    attempt: 1,
    forceDelivery: false,
    smartEncoded: true,
    shortenUrls: false,
    sendAsMms: true,
    maxPrice: 0.5,
    contentRetention: 'retain',
    addressRetention: 'retain',
  });
  smsSid = (await t.client.messages.create({ to: CUSTOMER, messagingServiceSid: SERVICE, body: 'sms' })).sid;
  await t.running.emulator.idle();
  mmsSid = t.running.emulator.messages().find((m) => m.num_media === '1')!.sid;
  inboundSid = (await t.running.emulator.sendFromPhone(CUSTOMER, { body: 'in', media: [{ contentType: 'image/png', data: PNG_1X1 }] })).sid;
  await t.running.emulator.idle();
});
afterAll(async () => {
  await t.stop();
  await files.close();
});

describe('responses validate against Twilio’s OpenAPI response schemas', () => {
  it('Messages create (201), for SMS, MMS and Messaging Service sends', async () => {
    const forms: Record<string, string>[] = [
      { To: CUSTOMER, From: PLAIN_NUMBER, Body: 'x' },
      { To: CUSTOMER, MessagingServiceSid: SERVICE, Body: 'x' },
      { To: CUSTOMER, From: PLAIN_NUMBER, MediaUrl: `${files.url}/a.png` },
    ];
    for (const form of forms) {
      const res = await t.raw('POST', messagesPath, form);
      expect(res.status).toBe(201);
      expect(checkResponse(P.messages, 'post', '201', res.body)).toBeNull();
    }
    await t.running.emulator.idle();
  });

  it('Message fetch (200) in every state: delivered, failed, received', async () => {
    const failed = await t.raw('POST', messagesPath, { To: '+12015550181', From: PLAIN_NUMBER, Body: 'x' });
    await t.running.emulator.idle();
    for (const sid of [smsSid, mmsSid, inboundSid, failed.body.sid]) {
      const res = await t.raw('GET', `/2010-04-01/Accounts/${ACCOUNT}/Messages/${sid}.json`);
      expect(res.status).toBe(200);
      expect(checkResponse(P.message, 'get', '200', res.body)).toBeNull();
    }
  });

  it('Messages list (200), first and next pages', async () => {
    const first = await t.raw('GET', `${messagesPath}?PageSize=2`);
    expect(checkResponse(P.messages, 'get', '200', first.body)).toBeNull();
    const next = await t.raw('GET', first.body.next_page_uri);
    expect(checkResponse(P.messages, 'get', '200', next.body)).toBeNull();
    const empty = await t.raw('GET', `${messagesPath}?To=%2B12015550199`);
    expect(empty.body.messages).toEqual([]);
    expect(checkResponse(P.messages, 'get', '200', empty.body)).toBeNull();
  });

  it('Media list and Media fetch (200)', async () => {
    for (const sid of [mmsSid, inboundSid]) {
      const list = await t.raw('GET', `/2010-04-01/Accounts/${ACCOUNT}/Messages/${sid}/Media.json`);
      expect(list.body.media_list).toHaveLength(1);
      expect(checkResponse(P.mediaList, 'get', '200', list.body)).toBeNull();
      const one = await t.raw('GET', list.body.media_list[0].uri);
      expect(checkResponse(P.media, 'get', '200', one.body)).toBeNull();
    }
  });

  it('the validator does catch a response that breaks the schema', () => {
    expect(checkResponse(P.message, 'get', '200', { sid: 'XX123', status: 'teleported', num_media: 1 })).toMatch(/sid|status|num_media/);
  });

  it('error bodies carry Twilio’s four fields (errors are not described in the spec)', async () => {
    const res = await t.raw('POST', messagesPath, { From: PLAIN_NUMBER, Body: 'x' });
    expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'more_info', 'status']);
  });
});

describe('requests the SDK sends fit the spec', () => {
  it('every Messages create parameter the SDK sent is in CreateMessageRequest, with a valid value', () => {
    const creates = t.running.emulator.apiRequests().filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json') && r.status === 201);
    const allowed = Object.keys(createMessageRequestSchema.properties);
    const sentBySdk = creates[0]!.form;
    expect(Object.keys(sentBySdk).length).toBeGreaterThan(10);
    for (const key of Object.keys(sentBySdk)) expect(allowed).toContain(key);
    for (const r of creates) {
      const result = validateCreateRequest(r.form);
      expect(result.errors).toBe('No errors');
      expect(result.ok).toBe(true);
    }
  });

  it('every list query parameter the SDK sent is a documented parameter', async () => {
    await t.client.messages.list({ to: CUSTOMER, from: PLAIN_NUMBER, dateSentAfter: new Date(Date.now() - 3_600_000), dateSentBefore: new Date(), pageSize: 1, limit: 2 });
    const documented = spec.paths[P.messages]!.get!.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
    const lists = t.running.emulator.apiRequests().filter((r) => r.method === 'GET' && r.path.endsWith('/Messages.json'));
    expect(lists.length).toBeGreaterThan(0);
    for (const r of lists) for (const key of Object.keys(r.query)) expect(documented).toContain(key);
  });
});
