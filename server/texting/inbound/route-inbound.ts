import { sql } from 'kysely';
import type { Trx } from '../../db/schema.js';

/**
 * Picks the conversation an inbound text from `from` belongs to: the open conversation whose
 * phone endpoints are exactly that number, else a new one with it. (Group threads and the orphan
 * rules refine this.)
 */
export async function routeInbound(trx: Trx, from: string, at: string): Promise<number> {
  const existing = await trx
    .selectFrom('conversations')
    .innerJoin('conversation_endpoints as e', 'e.conversation_id', 'conversations.id')
    .select('conversations.id')
    .where('conversations.status', '=', 'open')
    .where('e.phone_number', '=', from)
    .where(
      sql<boolean>`(select count(*) from conversation_endpoints e2 where e2.conversation_id = conversations.id) = 1`,
    )
    .orderBy('conversations.last_activity_at', 'desc')
    .executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await trx
    .insertInto('conversations')
    .values({
      subject: `Text from ${from}`,
      type_id: null,
      status: 'open',
      created_by: null,
      created_at: at,
      updated_at: at,
      last_activity_at: at,
      last_message_id: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('conversation_endpoints').values({ conversation_id: id, phone_number: from, added_by: null, created_at: at }).execute();
  return id;
}
