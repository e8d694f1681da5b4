import fastifyFormbody from '@fastify/formbody';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTwilioClient } from '../providers/twilio/request-client.js';
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_PHONE_NUMBER, registerTwilioEmulator } from './index.js';
import type { TwilioEmulator } from './index.js';
import { CUSTOMER } from './testing/setup.js';
import { waitFor } from './testing/test-server.js';

const hostApp = () => Fastify().withTypeProvider<ZodTypeProvider>();

// The emulator inside a host app built like server/app.ts: zod compilers, @fastify/formbody, its
// own error handler and an SPA fallback. The app's webhook route and the emulator share the port.
describe('registerTwilioEmulator inside a host app', () => {
  let app: ReturnType<typeof hostApp>;
  let emulator: TwilioEmulator;
  let url = '';
  const received: Record<string, unknown>[] = [];
  const signatures: boolean[] = [];

  beforeAll(async () => {
    app = hostApp();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler((err, _req, reply) => reply.status(500).send({ error: { code: 'INTERNAL', message: String(err) } }));
    await app.register(fastifyFormbody);
    emulator = await registerTwilioEmulator(app, {
      statusDelaysMs: 0,
      clock: { now: () => new Date('2026-06-01T09:00:00.000Z') },
    });
    app.post('/webhooks/twilio/messages', { schema: { body: z.object({ MessageSid: z.string(), Body: z.string() }).passthrough() } }, async (request, reply) => {
      const params = request.body as Record<string, string>;
      received.push(params);
      signatures.push(twilio.validateRequest(DEMO_AUTH_TOKEN, String(request.headers['x-twilio-signature']), `${url}/webhooks/twilio/messages`, params));
      return reply.type('text/xml').send('<Response/>');
    });
    app.setNotFoundHandler((_req, reply) => reply.type('text/html').send('<!doctype html><title>SPA</title>'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    emulator.setPublicUrl(url);
    emulator.setSmsUrl(`${url}/webhooks/twilio/messages`);
  });
  afterAll(async () => {
    await app.close();
  });

  it('defaults to the demo account and business number', () => {
    expect(emulator.accounts).toEqual([{ accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN }]);
    expect(DEMO_ACCOUNT_SID).toMatch(/^AC[0-9a-f]{32}$/);
    expect(DEMO_AUTH_TOKEN).toMatch(/^[0-9a-f]{32}$/);
    expect(emulator.numbers()[0]!.phoneNumber).toBe(DEMO_PHONE_NUMBER);
  });

  it('answers the SDK on the app’s port, dated by the given clock', async () => {
    const client = createTwilioClient({ accountSid: DEMO_ACCOUNT_SID, authToken: DEMO_AUTH_TOKEN, apiBaseUrl: url });
    const msg = await client.messages.create({ to: CUSTOMER, from: DEMO_PHONE_NUMBER, body: 'embedded' });
    expect(msg.dateCreated.toISOString()).toBe('2026-06-01T09:00:00.000Z');
    await emulator.idle();
    expect((await client.messages(msg.sid).fetch()).status).toBe('delivered');
  });

  it('posts the incoming-message webhook to the app’s own route, parsed by the app’s form parser and signed', async () => {
    await emulator.sendFromPhone(CUSTOMER, { body: 'hello app' });
    await waitFor(() => received.length > 0);
    expect(received[0]).toMatchObject({ Body: 'hello app', From: CUSTOMER, To: DEMO_PHONE_NUMBER });
    expect(signatures).toEqual([true]);
  });

  it('keeps Twilio’s error format on its routes and the host’s fallback elsewhere', async () => {
    const res = await fetch(`${url}/2010-04-01/Accounts/${DEMO_ACCOUNT_SID}/Messages.json`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe(20003);
    expect(await (await fetch(`${url}/some/page`)).text()).toContain('SPA');
    expect((await fetch(`${url}/simulator`)).headers.get('content-type')).toMatch(/^text\/html/);
  });
});
