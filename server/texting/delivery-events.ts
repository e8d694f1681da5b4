import type { Services } from '../context.js';
import { audienceOf } from '../conversations/events.js';
import type { DeliveryRow } from './deliveries.table.js';
import { presentDelivery } from './presenters.js';

/** Tells each conversation's audience that deliveries changed (after the change is committed); one audience query per conversation (pass `audiences` to share them across calls). */
export async function publishDeliveryUpdates(
  s: Services,
  rows: DeliveryRow[],
  audiences: Map<number, Promise<number[]>> = new Map(),
): Promise<void> {
  for (const row of rows) {
    try {
      let audience = audiences.get(row.conversation_id);
      if (!audience) audiences.set(row.conversation_id, (audience = audienceOf(s.db, row.conversation_id)));
      const userIds = await audience;
      await s.hub.publish({
        type: 'delivery.updated',
        audience: { userIds, admins: true },
        data: { conversationId: row.conversation_id, messageId: row.message_id, delivery: presentDelivery(row) },
      });
    } catch (err) {
      s.log.warn({ err, deliveryId: row.id }, 'realtime publish failed');
    }
  }
}
