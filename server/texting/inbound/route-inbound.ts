import { formatPhone } from '../../../core/phone-numbers.js';
import type { Trx } from '../../db/schema.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';

/**
 * Picks the conversation an inbound text from `from` belongs to, as a phone would: the open
 * conversation containing the number that most recently texted it; else the open one-to-one
 * conversation with it; else a new orphan conversation with that number (a closed thread does not
 * count). Returns whether it was created.
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
  const prefs = await getPreferences(trx);
  const orphanGroup = prefs.orphanUserGroupId !== null && prefs.orphanConversationTypeId !== null ? prefs.orphanUserGroupId : null;
  const { id } = await trx
    .insertInto('conversations')
    .values({
      subject: `Text from ${formatPhone(from, prefs.defaultRegion)}`,
      type_id: orphanGroup !== null ? prefs.orphanConversationTypeId : null,
      orphan_group_id: orphanGroup,
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
  // An orphan lands with the Orphan Conversation User Group; until that and the type are set, with
  // every admin, so a text is never left where nobody sees it.
  const audience =
    orphanGroup !== null
      ? [{ kind: 'group' as const, ref_id: orphanGroup }]
      : (await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute()).map((u) => ({ kind: 'user' as const, ref_id: u.id }));
  if (audience.length) {
    await trx.insertInto('conversation_tags').values(audience.map((t) => ({ conversation_id: id, ...t, added_by: null, created_at: at }))).execute();
  }
  return { conversationId: id, created: true };
}
