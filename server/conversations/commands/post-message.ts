import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { publishConversationEvents } from '../events.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';

/** Posts a message to an open conversation the actor can see. */
export async function postMessage(ctx: Ctx, conversationId: number, body: string): Promise<MessageOut> {
  const message = await ctx.db.transaction().execute(async (trx) => {
    const conversation = await findVisibleConversation(trx, ctx.actor, conversationId);
    if (conversation.status !== 'open') {
      throw new AppError('CONFLICT', 'This conversation is closed. Reopen it to post a message.');
    }
    const row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body, at: isoNow(ctx.clock) });
    return presentMessage(row, ctx.actor.name);
  });
  await publishConversationEvents(ctx, [{ type: 'message.created', conversationId, message }]);
  return message;
}
