import type { Services } from '../context.js';
import { audienceOf } from '../conversations/events.js';
import type { DeliveryRow } from './deliveries.table.js';
import { presentDelivery } from './presenters.js';

/** Tells the conversation's audience that deliveries changed (after the change is committed). */
export async function publishDeliveryUpdates(s: Services, rows: DeliveryRow[]): Promise<void> {
  for (const row of rows) {
    try {
      const userIds = await audienceOf(s.db, row.conversation_id);
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
