import { expect, it } from 'vitest';
import type { Harness } from '../../test/harness.js';
import { describeEachDatabase } from '../../test/harness.js';
import { postSignedWebhook } from '../../test/twilio-signing.js';

/** A delivery already handed to Twilio, with a known SID, for callbacks to act on. */
async function sentDelivery(h: Harness, sid: string, phone: string) {
  const alice = await h.signIn('alice');
  await h.optIn(phone);
  const conv = (await alice.post('/api/conversations', { subject: `status ${sid}` })).body;
  await alice.post(`/api/conversations/${conv.id}/phone-numbers`, { phoneNumber: phone });
  const msg = (await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'status test' })).body;
  const db = h.running.services.db;
  await db.updateTable('deliveries').set({ provider_sid: sid }).where('message_id', '=', msg.id).execute();
  const row = () => db.selectFrom('deliveries').selectAll().where('message_id', '=', msg.id).executeTakeFirstOrThrow();
  return { row, id: (await row()).id };
}

const callback = (sid: string, status: string, extra: Record<string, string> = {}) => ({
  MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, AccountSid: 'AC5b0a4d000000000000000000000e0001',
  From: '+12015550100', To: '+12015550160', ApiVersion: '2010-04-01', ...extra,
});

describeEachDatabase('Twilio status callbacks', (h) => {
  const PHONES = ['+12015550165', '+12015550166'];
  it('moves the status forward and ignores late, repeated and out-of-order callbacks', async () => {
    const sid = 'SM' + 'a'.repeat(32);
    const { row, id } = await sentDelivery(h(), sid, PHONES.shift()!);
    const post = (status: string) => postSignedWebhook(h(), `/webhooks/twilio/status?d=${id}`, callback(sid, status));
    expect((await post('sent')).statusCode).toBe(204);
    expect((await row()).status).toBe('sent');
    await post('delivered');
    await post('sent'); // late
    await post('sending'); // out of order
    await post('delivered'); // repeated
    const final = await row();
    expect(final.status).toBe('delivered');
    expect(final.final_at).not.toBeNull();
  });

  it('records the error code and its explanation on undelivered, and a later failed changes nothing', async () => {
    const sid = 'SM' + 'b'.repeat(32);
    const { row, id } = await sentDelivery(h(), sid, PHONES.shift()!);
    await postSignedWebhook(h(), `/webhooks/twilio/status?d=${id}`, callback(sid, 'undelivered', { ErrorCode: '30003' }));
    expect(await row()).toMatchObject({ status: 'undelivered', error_code: 30003, error_reason: 'LANDLINE_OR_UNREACHABLE' });
    await postSignedWebhook(h(), `/webhooks/twilio/status?d=${id}`, callback(sid, 'failed', { ErrorCode: '30008' }));
    expect(await row()).toMatchObject({ status: 'undelivered', error_code: 30003 });
  });

  it('matches a callback that arrives before its SID was recorded, by the delivery id in the URL', async () => {
    const alice = await h().signIn('alice');
    await h().optIn('+12015550161');
    const conv = (await alice.post('/api/conversations', { subject: 'early callback' })).body;
    await alice.post(`/api/conversations/${conv.id}/phone-numbers`, { phoneNumber: '+12015550161' });
    const msg = (await alice.post(`/api/conversations/${conv.id}/messages`, { body: 'early' })).body;
    const id = msg.deliveries[0].id;
    const sid = 'SM' + 'c'.repeat(32);
    await postSignedWebhook(h(), `/webhooks/twilio/status?d=${id}`, callback(sid, 'sent'));
    const row = await h().running.services.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ provider_sid: sid, status: 'sent' });
  });

  it('answers a callback for an unknown message without changing anything, and refuses unsigned ones', async () => {
    const res = await postSignedWebhook(h(), '/webhooks/twilio/status', callback('SM' + 'd'.repeat(32), 'delivered'));
    expect(res.statusCode).toBe(204);
    const unsigned = await postSignedWebhook(h(), '/webhooks/twilio/status', callback('SM' + 'd'.repeat(32), 'delivered'), { signature: null });
    expect(unsigned.statusCode).toBe(400);
    const forged = await postSignedWebhook(h(), '/webhooks/twilio/status', callback('SM' + 'd'.repeat(32), 'delivered'), { authToken: 'f'.repeat(32) });
    expect(forged.statusCode).toBe(403);
  });
});
