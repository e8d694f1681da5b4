import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';

/** Closes or reopens a conversation; doing what is already done changes nothing. */
export async function setConversationStatus(ctx: Ctx, conversationId: number, status: 'open' | 'closed'): Promise<ConversationOut> {
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const c = await findVisibleConversation(trx, ctx.actor, conversationId);
    if (c.status === status) return false;
    const now = isoNow(ctx.clock);
    await trx
      .updateTable('conversations')
      .set({ status, closed_at: status === 'closed' ? now : null, updated_at: now })
      .where('id', '=', conversationId)
      .execute();
    const verb = status === 'closed' ? 'closed' : 'reopened';
    await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'system', body: `${ctx.actor.name} ${verb} the conversation.`, at: now });
    return true;
  });
  if (changed) await publishConversationEvents(ctx, [{ type: 'conversation.updated', conversationId }]);
  return getConversation(ctx.db, ctx.actor, conversationId);
}
