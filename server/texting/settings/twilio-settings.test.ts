import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness.js';
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN } from '../../emulator/index.js';
import { resolveTexting } from './texting-settings.js';

const ACCOUNT = 'AC' + '1'.repeat(32);
const TOKEN = '2'.repeat(32);

describeEachDatabase(
  'Twilio settings',
  (h) => {
    it('runs on the built-in emulator until credentials are set', async () => {
      const admin = await h().signIn('root', { role: 'admin' });
      const res = await admin.get('/api/preferences/twilio');
      expect(res.body).toMatchObject({ configured: false, usingEmulator: true, accountSid: null, authTokenSet: false });
      expect(res.body.webhookUrls.messages).toBe(`${h().running.services.runtime.baseUrl}/webhooks/twilio/messages`);
      const test = await admin.post('/api/preferences/twilio/test');
      expect(test.body).toEqual({ ok: true, message: 'Connected to the built-in Twilio emulator.' });
    });

    it('keeps the Auth Token write-only and encrypted at rest', async () => {
      const admin = await h().signIn('root', { role: 'admin' });
      const set = await admin.put('/api/preferences/twilio/api-key', { accountSid: ACCOUNT, authToken: TOKEN });
      expect(set.status).toBe(200);
      expect(JSON.stringify(set.body)).not.toContain(TOKEN);
      expect(set.body).toMatchObject({ accountSid: ACCOUNT, authTokenSet: true, configured: false });
      const row = await h().running.services.db.selectFrom('twilio_settings').selectAll().executeTakeFirstOrThrow();
      expect(row.auth_token_secret).not.toContain(TOKEN);
      expect(h().running.services.secrets.open(row.auth_token_secret!)).toBe(TOKEN);
      const sender = await admin.put('/api/preferences/twilio/sender', { messagingServiceSid: 'MG' + '3'.repeat(32), fromNumber: '(201) 555-0199' });
      expect(sender.body).toMatchObject({ configured: true, usingEmulator: false, messagingServiceSid: 'MG' + '3'.repeat(32), fromNumber: '+12015550199' });
      const doc = JSON.stringify((await admin.get('/api/preferences/twilio')).body);
      expect(doc).not.toContain(TOKEN);
      const texting = await resolveTexting(h().running.services);
      expect(texting).toMatchObject({ accountSid: ACCOUNT, authToken: TOKEN, usingEmulator: false, apiBaseUrl: undefined });
    });

    it('reports failed credentials from the provider with the explanation', async () => {
      const admin = await h().signIn('root', { role: 'admin' });
      // The emulator's account with a wrong token: the emulator answers 20003 as Twilio does.
      await admin.put('/api/preferences/twilio/api-key', { accountSid: DEMO_ACCOUNT_SID, authToken: 'e'.repeat(32) });
      await admin.put('/api/preferences/twilio/sender', { messagingServiceSid: null, fromNumber: '+12015550100' });
      const bad = await admin.post('/api/preferences/twilio/test');
      expect(bad.body.ok).toBe(false);
      expect(bad.body.message).toMatch(/refused the credentials/);
      await admin.put('/api/preferences/twilio/api-key', { accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN });
      const good = await admin.post('/api/preferences/twilio/test');
      expect(good.body).toEqual({ ok: true, message: 'Connected to the built-in Twilio emulator.' });
    });

    it('validates the SIDs and token and keeps the routes to admins', async () => {
      const admin = await h().signIn('root', { role: 'admin' });
      const bad = await admin.put('/api/preferences/twilio/api-key', { accountSid: 'AC123', authToken: 'short', apiKeySid: 'SK' + '0'.repeat(32) });
      expect(bad.status).toBe(400);
      const fields = bad.body.error.details.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['body.accountSid', 'body.authToken']));
      const none = await admin.put('/api/preferences/twilio/sender', { messagingServiceSid: null, fromNumber: '' });
      expect(none.status).toBe(400);
      const plain = await h().signIn('plain');
      expect((await plain.get('/api/preferences/twilio')).status).toBe(403);
    });
  },
  { listen: true },
);
