import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESERVED_NUMBERS } from './constants.js';
import { BUSINESS, CUSTOMER, PLAIN_NUMBER, SERVICE, startEmulatorTest } from './testing/setup.js';
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
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.running.url}/emulator/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const phonePath = (n: string) => `/phones/${encodeURIComponent(n)}/messages`;

describe('admin API', () => {
  it('adds phones and lists them; refuses an invalid number', async () => {
    expect((await api('POST', '/phones', { phoneNumber: CUSTOMER })).status).toBe(201);
    expect((await api('GET', '/phones')).body.phones).toEqual([{ phoneNumber: CUSTOMER, optedOutOf: [] }]);
    const bad = await api('POST', '/phones', { phoneNumber: '555' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_NUMBER');
  });

  it('sends text and a base64 image from a phone; the webhook carries it', async () => {
    const res = await api('POST', phonePath(CUSTOMER), { to: BUSINESS, body: 'Photo attached', media: [{ contentType: 'image/png', data: PNG_1X1.toString('base64'), filename: 'a.png' }] });
    expect(res.status).toBe(202);
    expect(res.body.message.num_media).toBe('1');
    const hook = await waitFor(() => t.app.received('/sms').find((r) => r.params.MessageSid === res.body.message.sid));
    expect(hook.params.Body).toBe('Photo attached');
    const view = await waitFor(async () => {
      const v = (await api('GET', phonePath(CUSTOMER))).body;
      return v.messages[0]?.webhook === 'delivered' ? v : undefined;
    });
    expect(view.messages[0]).toMatchObject({ side: 'outgoing', body: 'Photo attached', business: BUSINESS });
    const image = await fetch(`${t.running.url}${view.messages[0].media[0].url}`);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('refuses a phone send with nothing in it as 400', async () => {
    const res = await api('POST', phonePath(CUSTOMER), { body: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SEND_REFUSED');
  });

  it('shows an outbound text on the phone only once the carrier delivered it', async () => {
    const sent = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, body: 'Your order shipped: https://example.com/track/1' });
    await t.running.emulator.idle();
    const view = (await api('GET', phonePath(CUSTOMER))).body;
    expect(view.messages).toEqual([expect.objectContaining({ sid: sent.sid, side: 'incoming', status: 'delivered', business: PLAIN_NUMBER })]);
    const undelivered = await t.client.messages.create({ to: '+12015550181', from: PLAIN_NUMBER, body: 'landline' });
    await t.running.emulator.idle();
    expect((await api('GET', phonePath('+12015550181'))).body.messages.map((m: any) => m.sid)).not.toContain(undelivered.sid);
  });

  it('reports opt-outs per phone', async () => {
    await t.running.emulator.sendFromPhone(CUSTOMER, { to: BUSINESS, body: 'STOP' });
    expect((await api('GET', '/phones')).body.phones).toEqual([{ phoneNumber: CUSTOMER, optedOutOf: [SERVICE] }]);
  });

  it('replaces the numbers and their webhook URLs', async () => {
    const numbers = [{ phoneNumber: BUSINESS, messagingServiceSid: SERVICE, smsUrl: `${t.app.url}/other` }];
    const res = await api('PUT', '/numbers', { numbers });
    expect(res.body.numbers).toEqual(numbers);
    await t.running.emulator.sendFromPhone(CUSTOMER, { body: 'to the new URL' });
    expect(t.app.received('/other')).toHaveLength(1);
    expect((await api('PUT', '/numbers', { numbers: [{ phoneNumber: 'x' }] })).status).toBe(400);
    t.running.emulator.setNumbers([
      { phoneNumber: BUSINESS, messagingServiceSid: SERVICE, smsUrl: `${t.app.url}/sms` },
      { phoneNumber: PLAIN_NUMBER, smsUrl: `${t.app.url}/sms` },
    ]);
  });

  it('lists messages, deliveries, reserved numbers and state; reset forgets messages', async () => {
    await t.running.emulator.sendFromPhone(CUSTOMER, { body: 'hello' });
    expect((await api('GET', '/messages')).body.messages).toHaveLength(1);
    expect((await api('GET', '/deliveries')).body.deliveries[0]).toMatchObject({ kind: 'incoming-message', outcome: 'delivered' });
    expect((await api('GET', '/reserved-numbers')).body.reservedNumbers).toEqual(RESERVED_NUMBERS);
    const state = (await api('GET', '/state')).body;
    expect(state.numbers.map((n: any) => n.phoneNumber)).toEqual([BUSINESS, PLAIN_NUMBER]);
    expect(state.publicUrl).toBe(t.running.url);
    expect((await api('POST', '/reset')).status).toBe(204);
    expect((await api('GET', '/messages')).body.messages).toEqual([]);
    expect((await api('GET', '/nope')).status).toBe(404);
  });

  it('streams changes as Server-Sent Events', async () => {
    const chunks: string[] = [];
    const req = http.get(`${t.running.url}/emulator/api/events`, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      res.setEncoding('utf8');
      res.on('data', (c: string) => chunks.push(c));
    });
    try {
      await waitFor(() => chunks.join('').includes('event: ready'));
      await t.running.emulator.sendFromPhone(CUSTOMER, { body: 'live' });
      await waitFor(() => chunks.join('').includes(`"phone":"${CUSTOMER}"`));
      expect(chunks.join('')).toMatch(/event: message\ndata: \{"type":"message","sid":"SM[0-9a-f]{32}","phone":"\+12015550123"\}/);
    } finally {
      req.destroy();
    }
  });
});

describe('phone simulator page', () => {
  it('serves the page with its labelled controls, script and styles', async () => {
    const page = await fetch(`${t.running.url}/simulator`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<label for="new-phone">Phone number</label>');
    expect(html).toMatch(/<button type="submit">Add phone<\/button>/);
    const js = await (await fetch(`${t.running.url}/simulator/simulator.js`)).text();
    expect(js).toContain("'data-testid': 'phone-message'");
    expect(js).toContain("text: 'Message'");
    expect(js).toContain("text: 'Send'");
    expect((await fetch(`${t.running.url}/simulator/simulator.css`)).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await fetch(`${t.running.url}/simulator/other.js`)).status).toBe(404);
  });
});
