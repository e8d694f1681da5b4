import type { DbOrTrx } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { presentConversationType } from '../presenters.js';
import type { ConversationTypeOut } from '../presenters.js';

/** One Conversation Type, active or not. */
export async function getConversationType(db: DbOrTrx, id: number): Promise<ConversationTypeOut> {
  const row = await db.selectFrom('conversation_types').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Conversation type');
  return presentConversationType(row);
}
