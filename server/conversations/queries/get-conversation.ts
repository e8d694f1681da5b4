import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { presentConversation } from '../presenters.js';
import type { ConversationOut } from '../presenters.js';
import { conversationDetails } from './conversation-details.js';
import { findVisibleConversation } from './visibility.js';

/** One conversation as the actor sees it; NOT_FOUND when it is not visible to them. */
export async function getConversation(db: DbOrTrx, actor: Actor, id: number): Promise<ConversationOut> {
  const row = await findVisibleConversation(db, actor, id);
  const [details] = await conversationDetails(db, actor, [row]);
  return presentConversation(details!);
}
