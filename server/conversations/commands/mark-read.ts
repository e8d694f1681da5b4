import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { markReadUpTo } from './append-message.js';

/** Marks a conversation read up to a message (or its newest message) for the actor. */
export async function markRead(ctx: Ctx, conversationId: number, messageId?: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await findVisibleConversation(trx, ctx.actor, conversationId);
    const upTo = messageId ?? c.last_message_id;
    if (upTo === null || upTo === undefined) return;
    if (messageId !== undefined) {
      const m = await trx.selectFrom('messages').select('id').where('id', '=', messageId).where('conversation_id', '=', conversationId).executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND', 'That message is not in this conversation.');
    }
    await markReadUpTo(trx, conversationId, ctx.actor.id, upTo);
  });
}
