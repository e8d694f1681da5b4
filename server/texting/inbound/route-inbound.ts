import { formatPhone } from '../../../core/phone-numbers.js';
import type { Trx } from '../../db/schema.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';

/**
 * Picks the conversation an inbound text from `from` belongs to, as a phone would: the open
 * conversation containing the number that most recently texted it; else the open one-to-one
 * conversation with it; else a new conversation with that number (its tags and type are decided
 * by the orphan rules). Returns whether it was created.
 */
export async function routeInbound(trx: Trx, from: string, at: string): Promise<{ conversationId: number; created: boolean }> {
  const lastSent = await trx
    .selectFrom('deliveries')
    .innerJoin('conversations', 'conversations.id', 'deliveries.conversation_id')
    .select('deliveries.conversation_id')
    .where('deliveries.to_number', '=', from)
    .where('conversations.status', '=', 'open')
    .orderBy('deliveries.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (lastSent) return { conversationId: lastSent.conversation_id, created: false };
  const oneToOne = await trx
    .selectFrom('conversations')
    .select('id')
    .where('status', '=', 'open')
    .where('endpoint_key', '=', from)
    .executeTakeFirst();
  if (oneToOne) return { conversationId: oneToOne.id, created: false };
  const { defaultRegion } = await getPreferences(trx);
  const { id } = await trx
    .insertInto('conversations')
    .values({
      subject: `Text from ${formatPhone(from, defaultRegion)}`,
      type_id: null,
      status: 'open',
      created_by: null,
      created_at: at,
      updated_at: at,
      last_activity_at: at,
      last_message_id: null,
      closed_at: null,
      endpoint_key: from,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('conversation_endpoints').values({ conversation_id: id, phone_number: from, added_by: null, created_at: at }).execute();
  return { conversationId: id, created: true };
}
