import type { Trx } from '../../db/schema.js';
import type { DeliveryRow } from '../../texting/deliveries.table.js';
import type { MessageRow } from '../messages.table.js';
import { appendMessage } from './append-message.js';

/** Queues one delivery per recipient of an outbound message (sent by the dispatcher after commit). */
export async function queueDeliveries(trx: Trx, message: Pick<MessageRow, 'id' | 'conversation_id'>, recipients: string[], at: string): Promise<DeliveryRow[]> {
  if (recipients.length === 0) return [];
  return trx
    .insertInto('deliveries')
    .values(
      recipients.map((to) => ({
        message_id: message.id,
        conversation_id: message.conversation_id,
        to_number: to,
        status: 'queued' as const,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      })),
    )
    .returningAll()
    .execute();
}

/**
 * Appends an outbound text the system sends on its own (opt-in request, confirmation, HELP
 * reply) to some of a conversation's numbers, queued at once: these bypass the send policy
 * because they are the opt-in process itself.
 */
export async function appendSystemText(trx: Trx, conversationId: number, body: string, recipients: string[], at: string, authorId: number | null = null) {
  const message = await appendMessage(trx, { conversationId, authorId, kind: 'user', body, at, direction: 'outbound' });
  const deliveries = await queueDeliveries(trx, message, recipients, at);
  return { message, deliveries };
}
