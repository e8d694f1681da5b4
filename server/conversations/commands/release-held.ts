import { DOWNLOAD_LINK_DAYS } from '../../../core/attachments.js';
import { checkSendPolicy } from '../../../core/send-policy.js';
import type { Trx } from '../../db/schema.js';
import type { DeliveryRow } from '../../texting/deliveries.table.js';
import { recipientsOf } from '../queries/recipients.js';
import { queueDeliveries } from './outbound.js';

/**
 * Sends the messages that were waiting for an opt-in, in the order they were written, in every
 * conversation with one of these numbers whose recipients may now all be texted. Called in the
 * transaction that recorded the opt-in, after its confirmation text was queued, so they follow it.
 */
export async function releaseHeldMessages(trx: Trx, numbers: string[], at: string): Promise<DeliveryRow[]> {
  if (numbers.length === 0) return [];
  const held = await trx
    .selectFrom('messages')
    .select(['id', 'conversation_id'])
    .where('held', '=', 1)
    .where('conversation_id', 'in', trx.selectFrom('conversation_endpoints').select('conversation_id').where('phone_number', 'in', numbers))
    .orderBy('id')
    .execute();
  const released: DeliveryRow[] = [];
  const verdicts = new Map<number, { ok: boolean; numbers: string[] }>();
  for (const m of held) {
    let v = verdicts.get(m.conversation_id);
    if (!v) {
      const recipients = await recipientsOf(trx, m.conversation_id);
      v = { ok: checkSendPolicy(recipients).ok, numbers: recipients.map((r) => r.number) };
      verdicts.set(m.conversation_id, v);
    }
    if (!v.ok) continue;
    await trx.updateTable('messages').set({ held: 0 }).where('id', '=', m.id).execute();
    // A download link's 14 days start when it is sent.
    await trx
      .updateTable('attachments')
      .set({ link_expires_at: new Date(Date.parse(at) + DOWNLOAD_LINK_DAYS * 86_400_000).toISOString() })
      .where('message_id', '=', m.id)
      .where('send_as', '=', 'link')
      .execute();
    released.push(...(await queueDeliveries(trx, m, v.numbers, at)));
  }
  return released;
}
