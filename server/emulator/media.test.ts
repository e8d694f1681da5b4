import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MEDIA_BYTES } from './constants.js';
import { ACCOUNT, CUSTOMER, PLAIN_NUMBER, TOKEN, basic, startEmulatorTest } from './testing/setup.js';
import type { EmulatorTest } from './testing/setup.js';
import { PNG_1X1, startTestServer } from './testing/test-server.js';
import type { TestServer } from './testing/test-server.js';

let t: EmulatorTest;
let files: TestServer;
beforeAll(async () => {
  t = await startEmulatorTest();
  files = await startTestServer();
  files.on('/photo.png', () => ({ headers: { 'content-type': 'image/png', 'content-disposition': 'inline; filename="photo.png"' }, body: PNG_1X1 }));
  files.on('/page.html', () => ({ headers: { 'content-type': 'text/html' }, body: '<html></html>' }));
  files.on('/missing.png', () => ({ status: 404 }));
  files.on('/huge.jpg', () => ({ headers: { 'content-type': 'image/jpeg' }, body: Buffer.alloc(MAX_MEDIA_BYTES + 1) }));
  files.on('/no-head.png', (r) => (r.method === 'HEAD' ? { status: 405 } : { headers: { 'content-type': 'image/png' }, body: PNG_1X1 }));
});
afterAll(async () => {
  await t.stop();
  await files.close();
});
beforeEach(async () => {
  await t.running.emulator.idle();
  t.running.emulator.reset();
  files.requests.length = 0;
});

async function sendMms(...paths: string[]) {
  const msg = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, mediaUrl: paths.map((p) => files.url + p) });
  await t.running.emulator.idle();
  return { created: msg, fetched: await t.client.messages(msg.sid).fetch() };
}

describe('outbound MMS media', () => {
  it('fetches each MediaUrl with HEAD then GET, keeps the bytes and lists them as Media', async () => {
    const { created, fetched } = await sendMms('/photo.png', '/no-head.png');
    expect(created.sid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(created.numMedia).toBe('2');
    expect(fetched.status).toBe('delivered');
    expect(files.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /photo.png', 'GET /photo.png', 'HEAD /no-head.png', 'GET /no-head.png']);
    const media = await t.client.messages(created.sid).media.list();
    expect(media).toHaveLength(2);
    expect(media.every((m) => m.contentType === 'image/png' && m.parentSid === created.sid && /^ME[0-9a-f]{32}$/.test(m.sid))).toBe(true);
    const one = await t.client.messages(created.sid).media(media[0]!.sid).fetch();
    expect(one.uri).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages/${created.sid}/Media/${media[0]!.sid}.json`);
  });

  it('serves the media file behind Basic auth, through a temporary redirect like Twilio', async () => {
    const { created } = await sendMms('/photo.png');
    const [media] = await t.client.messages(created.sid).media.list();
    const url = `${t.running.url}/2010-04-01/Accounts/${ACCOUNT}/Messages/${created.sid}/Media/${media!.sid}`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const redirect = await fetch(url, { headers: { authorization: basic(ACCOUNT, TOKEN) }, redirect: 'manual' });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toMatch(/^\/emulator\/media-cdn\/ME/);
    const followed = await fetch(url, { headers: { authorization: basic(ACCOUNT, TOKEN) } });
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await followed.arrayBuffer()).equals(PNG_1X1)).toBe(true);
    const tampered = await fetch(`${t.running.url}${redirect.headers.get('location')!.slice(0, -4)}0000`);
    expect(tampered.status).toBe(403);
  });

  it.each([
    ['an unreachable or non-2xx MediaUrl', '/missing.png', 11200],
    ['media over 5 MB', '/huge.jpg', 11751],
    ['a content type Twilio does not accept', '/page.html', 12300],
  ])('fails the message on %s with %i', async (_name, path, code) => {
    const { fetched } = await sendMms(path);
    expect(fetched.status).toBe('failed');
    expect(fetched.errorCode).toBe(code);
  });

  it('fails with 11200 when the media host is down', async () => {
    const msg = await t.client.messages.create({ to: CUSTOMER, from: PLAIN_NUMBER, mediaUrl: ['http://127.0.0.1:9/x.png'], statusCallback: `${t.app.url}/status` });
    await t.running.emulator.idle();
    const callbacks = t.app.received('/status').filter((r) => r.params.MessageSid === msg.sid);
    expect(callbacks.map((r) => r.params.MessageStatus)).toEqual(['queued', 'failed']);
    expect(callbacks[1]!.params.ErrorCode).toBe('11200');
  });

  it('counts the 5 MB over all the media of one message', async () => {
    const half = Buffer.alloc(Math.ceil(MAX_MEDIA_BYTES / 2) + 10);
    files.on('/half.jpg', () => ({ headers: { 'content-type': 'image/jpeg' }, body: half }));
    const { fetched } = await sendMms('/half.jpg', '/half.jpg');
    expect(fetched.errorCode).toBe(11751);
  });
});
