import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { conflictOnUnique } from '../../db/unique-violation.js';
import { AppError } from '../../errors.js';
import { openThreadFor } from './add-phone-number.js';
import { appendMessage } from './append-message.js';

/** Closes or reopens a conversation; doing what is already done changes nothing. */
export async function setConversationStatus(ctx: Ctx, conversationId: number, status: 'open' | 'closed'): Promise<ConversationOut> {
  const changed = await conflictOnUnique(() => ctx.db.transaction().execute(async (trx) => {
    const c = await findVisibleConversation(trx, ctx.actor, conversationId);
    if (c.status === status) return false;
    if (status === 'open' && c.endpoint_key) {
      const other = await openThreadFor(trx, c.endpoint_key);
      if (other) {
        throw new AppError('CONFLICT', `These phone numbers already have an open conversation (#${other.id}); it holds all texts with them now. Continue there instead of reopening this one.`, { conversationId: other.id });
      }
    }
    const now = isoNow(ctx.clock);
    await trx
      .updateTable('conversations')
      .set({ status, closed_at: status === 'closed' ? now : null, updated_at: now })
      .where('id', '=', conversationId)
      .execute();
    const verb = status === 'closed' ? 'closed' : 'reopened';
    await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'system', body: `${ctx.actor.name} ${verb} the conversation.`, at: now });
    return true;
  }), 'These phone numbers already have an open conversation. Continue there instead of reopening this one.');
  if (changed) await publishConversationEvents(ctx, [{ type: 'conversation.updated', conversationId }]);
  return getConversation(ctx.db, ctx.actor, conversationId);
}
