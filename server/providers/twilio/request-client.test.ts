import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorTest } from '../../emulator/testing/setup.js';
import type { EmulatorTest } from '../../emulator/testing/setup.js';
import { ACCOUNT, BUSINESS, CUSTOMER, TOKEN } from '../../emulator/testing/setup.js';
import { RewritingRequestClient, createTwilioClient, rewriteTwilioUrl } from './request-client.js';

describe('rewriteTwilioUrl', () => {
  it('moves api.twilio.com onto the base URL, keeping path and query', () => {
    expect(rewriteTwilioUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=2&To=%2B1', 'http://127.0.0.1:3001')).toBe(
      'http://127.0.0.1:3001/2010-04-01/Accounts/AC1/Messages.json?PageSize=2&To=%2B1',
    );
  });
  it('also rewrites the other *.twilio.com hosts (edges, regions, messaging)', () => {
    expect(rewriteTwilioUrl('https://api.sydney.au1.twilio.com/2010-04-01/x.json', 'http://h:1')).toBe('http://h:1/2010-04-01/x.json');
    expect(rewriteTwilioUrl('https://messaging.twilio.com/v1/Services', 'http://h:1/')).toBe('http://h:1/v1/Services');
  });
  it('keeps a path prefix of the base URL', () => {
    expect(rewriteTwilioUrl('https://api.twilio.com/2010-04-01/a.json', 'http://h:1/twilio/')).toBe('http://h:1/twilio/2010-04-01/a.json');
  });
  it('leaves other hosts alone (media on the app, look-alike domains)', () => {
    expect(rewriteTwilioUrl('https://example.com/media/1.png', 'http://h:1')).toBe('https://example.com/media/1.png');
    expect(rewriteTwilioUrl('https://eviltwilio.com/x', 'http://h:1')).toBe('https://eviltwilio.com/x');
  });
});

describe('createTwilioClient', () => {
  it('uses the SDK default client for the real Twilio when no apiBaseUrl is given', () => {
    const client = createTwilioClient({ accountSid: ACCOUNT, authToken: TOKEN });
    expect(client.httpClient).toBeInstanceOf(twilio.RequestClient);
    expect(client.httpClient).not.toBeInstanceOf(RewritingRequestClient);
  });

  describe('against the emulator', () => {
    let t: EmulatorTest;
    beforeAll(async () => {
      t = await startEmulatorTest();
    });
    afterAll(async () => {
      await t.stop();
    });

    it('sends messages.create, fetch and list through the rewriting client', async () => {
      expect(t.client.httpClient).toBeInstanceOf(RewritingRequestClient);
      const created = await t.client.messages.create({ to: CUSTOMER, from: BUSINESS, body: 'Hello from the SDK' });
      expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
      expect(created.status).toBe('queued');
      const fetched = await t.client.messages(created.sid).fetch();
      expect(fetched.body).toBe('Hello from the SDK');
      const listed = await t.client.messages.list({ to: CUSTOMER });
      expect(listed.map((m) => m.sid)).toContain(created.sid);
      expect(t.client.httpClient?.lastRequest?.url).toBe(`${t.running.url}/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    });

    it('authenticates with an API key and secret', async () => {
      await t.stop();
      t = await startEmulatorTest({ accounts: [{ accountSid: ACCOUNT, authToken: TOKEN, apiKeys: [{ sid: 'SK' + 'a'.repeat(32), secret: 's3cret' }] }] });
      const client = createTwilioClient({ accountSid: ACCOUNT, authToken: '', apiKey: { sid: 'SK' + 'a'.repeat(32), secret: 's3cret' }, apiBaseUrl: t.running.url });
      const created = await client.messages.create({ to: CUSTOMER, from: BUSINESS, body: 'with a key' });
      expect(created.accountSid).toBe(ACCOUNT);
    });
  });
});
