import type { Services } from '../context.js';
import type { DbOrTrx } from '../db/schema.js';
import type { MessageOut } from './presenters.js';

/** Who may receive a conversation's events: users tagged, members of groups tagged, and admins. */
export async function audienceOf(db: DbOrTrx, conversationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('conversation_tags')
    .select('ref_id as user_id')
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', 'user')
    .union(
      db
        .selectFrom('conversation_tags')
        .innerJoin('user_group_members', 'user_group_members.group_id', 'conversation_tags.ref_id')
        .select('user_group_members.user_id')
        .where('conversation_tags.conversation_id', '=', conversationId)
        .where('conversation_tags.kind', '=', 'group'),
    )
    .execute();
  return rows.map((r) => r.user_id);
}

export type ConversationEvent =
  | { type: 'message.created' | 'message.updated'; conversationId: number; message: MessageOut }
  | { type: 'conversation.created' | 'conversation.updated'; conversationId: number };

/**
 * Publishes conversation events to the realtime hub. Called only after the transaction that made
 * the change has committed, so nobody is told about a change that was rolled back. `alsoTo` adds
 * users who just lost access (untagged), so their screens drop the conversation.
 */
export async function publishConversationEvents(s: Services, events: ConversationEvent[], alsoTo: number[] = []) {
  for (const e of events) {
    try {
      const userIds = [...new Set([...(await audienceOf(s.db, e.conversationId)), ...alsoTo])];
      const { type, ...data } = e;
      await s.hub.publish({ type, audience: { userIds, admins: true }, data });
    } catch (err) {
      // The change is committed; a failed push only delays other screens until they refetch.
      s.log.warn({ err, event: e.type }, 'realtime publish failed');
    }
  }
}
