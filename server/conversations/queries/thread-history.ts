import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { presentConversationSummary } from '../presenters.js';
import { conversationDetails } from './conversation-details.js';
import { findVisibleConversation } from './visibility.js';

/** Earlier, closed conversations with the same phone endpoints: the thread's history, newest first. */
export async function threadHistory(db: DbOrTrx, actor: Actor, conversationId: number) {
  const c = await findVisibleConversation(db, actor, conversationId);
  if (!c.endpoint_key) return { items: [] };
  const rows = await db
    .selectFrom('conversations')
    .selectAll()
    .where('endpoint_key', '=', c.endpoint_key)
    .where('status', '=', 'closed')
    .where('id', '!=', conversationId)
    .orderBy('last_activity_at', 'desc')
    .limit(50)
    .execute();
  return { items: (await conversationDetails(db, actor, rows)).map(presentConversationSummary) };
}
