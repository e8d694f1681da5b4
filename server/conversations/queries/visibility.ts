import { sql } from 'kysely';
import type { Expression, RawBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { ConversationRow } from '../conversations.table.js';

/**
 * The visibility rule as one SQL condition on a conversation id: admins see every conversation;
 * others see those where they, or a user group they belong to, are tagged. The single source of
 * truth for who sees what, used by lists, reads, search and writes alike.
 */
export function visibilitySql(actor: Actor, conversationId: Expression<unknown> | RawBuilder<unknown>): RawBuilder<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`exists (
    select 1 from conversation_tags vt
    where vt.conversation_id = ${conversationId}
      and ((vt.kind = 'user' and vt.ref_id = ${actor.id})
        or (vt.kind = 'group' and vt.ref_id in (select group_id from user_group_members where user_id = ${actor.id}))))`;
}

/** The visibility rule as a Kysely `where` on the `conversations` table. */
export const visibleTo = (actor: Actor) => () => visibilitySql(actor, sql.ref('conversations.id'));

/**
 * Loads a conversation the actor may see. One that exists but is not visible answers the same
 * NOT_FOUND as one that does not exist, so ids reveal nothing.
 */
export async function findVisibleConversation(db: DbOrTrx, actor: Actor, id: number): Promise<ConversationRow> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('conversations.id', '=', id)
    .where(visibleTo(actor))
    .executeTakeFirst();
  if (!row) throw notFound('Conversation');
  return row;
}
