import { expect, it } from 'vitest';
import { createInboundProcessor } from '../inbound/process-inbound.js';
import { describeEachDatabase } from '../../test/harness.js';
import { inboundParams, postSignedWebhook } from '../../test/twilio-signing.js';

describeEachDatabase('Twilio webhooks', (h) => {
  const count = async (table: 'inbound_messages' | 'messages') =>
    Number((await h().running.services.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('accepts a correctly signed inbound message with an empty TwiML response, storing it with its raw parameters', async () => {
    const params = inboundParams('+12015550140', 'Is my order ready?');
    const res = await postSignedWebhook(h(), '/webhooks/twilio/messages', params);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const row = await h().running.services.db.selectFrom('inbound_messages').selectAll().where('provider_sid', '=', params.MessageSid!).executeTakeFirstOrThrow();
    expect(row.body).toBe('Is my order ready?');
    expect(JSON.parse(row.params)).toEqual(params);
  });

  it('refuses a missing signature with 400 and a wrong one with 403, storing nothing', async () => {
    const before = await count('inbound_messages');
    const missing = await postSignedWebhook(h(), '/webhooks/twilio/messages', inboundParams('+12015550141', 'x'), { signature: null });
    expect(missing.statusCode).toBe(400);
    const forged = await postSignedWebhook(h(), '/webhooks/twilio/messages', inboundParams('+12015550141', 'x'), { authToken: '0'.repeat(32) });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('FORBIDDEN');
    const params = inboundParams('+12015550141', 'original');
    const tampered = await postSignedWebhook(h(), '/webhooks/twilio/messages', params, {
      signature: (await import('twilio')).default.getExpectedTwilioSignature('x'.repeat(32), 'http://elsewhere/webhooks/twilio/messages', params),
    });
    expect(tampered.statusCode).toBe(403);
    expect(await count('inbound_messages')).toBe(before);
  });

  it('stores a message once however often Twilio retries it, even concurrently, and it becomes one conversation message', async () => {
    const params = inboundParams('+12015550142', 'duplicate me');
    const results = await Promise.all(Array.from({ length: 8 }, () => postSignedWebhook(h(), '/webhooks/twilio/messages', params)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const rows = await h().running.services.db.selectFrom('inbound_messages').select('id').where('provider_sid', '=', params.MessageSid!).execute();
    expect(rows).toHaveLength(1);
    const processor = createInboundProcessor(h().running.services);
    await Promise.all([processor.runOnce(), createInboundProcessor(h().running.services).runOnce()]);
    await postSignedWebhook(h(), '/webhooks/twilio/messages', params);
    await processor.runOnce();
    const messages = await h().running.services.db.selectFrom('messages').select('id').where('body', '=', 'duplicate me').execute();
    expect(messages).toHaveLength(1);
  });

  it('routes a second text from the same number to the same open conversation', async () => {
    const processor = createInboundProcessor(h().running.services);
    await postSignedWebhook(h(), '/webhooks/twilio/messages', inboundParams('+12015550143', 'first'));
    await processor.runOnce();
    await postSignedWebhook(h(), '/webhooks/twilio/messages', inboundParams('+12015550143', 'second'));
    await processor.runOnce();
    const db = h().running.services.db;
    const convs = await db.selectFrom('conversation_endpoints').select('conversation_id').where('phone_number', '=', '+12015550143').execute();
    expect(convs).toHaveLength(1);
    const bodies = await db.selectFrom('messages').select('body').where('conversation_id', '=', convs[0]!.conversation_id).orderBy('id').execute();
    expect(bodies.map((b) => b.body)).toEqual(['first', 'second']);
  });

  it('answers 400 to a signed webhook that lacks the fields a message needs', async () => {
    const res = await postSignedWebhook(h(), '/webhooks/twilio/messages', { Body: 'no sid' });
    expect(res.statusCode).toBe(400);
  });
});
