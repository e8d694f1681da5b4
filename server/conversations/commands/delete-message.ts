import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { publishConversationEvents } from '../events.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';
import { findVisibleConversation } from '../queries/visibility.js';

/**
 * Deletes a message from Switchboard: its text is erased (not hidden) from the message, the
 * search index, the stored webhook it came from and the consent ledger (whose entry stays, without
 * the text); a placeholder says who deleted it and when.
 * It cannot be removed from the recipient's phone. Its author or an admin may delete it.
 */
export async function deleteMessage(ctx: Ctx, conversationId: number, messageId: number): Promise<MessageOut> {
  const message = await ctx.db.transaction().execute(async (trx) => {
    await findVisibleConversation(trx, ctx.actor, conversationId);
    const m = await trx.selectFrom('messages').selectAll().where('id', '=', messageId).where('conversation_id', '=', conversationId).executeTakeFirst();
    if (!m || m.kind !== 'user') throw new AppError('NOT_FOUND', 'That message is not in this conversation.');
    if (m.deleted_at) throw new AppError('CONFLICT', 'That message has already been deleted.');
    const mayDelete = ctx.actor.role === 'admin' || (m.author_id !== null && m.author_id === ctx.actor.id);
    if (!mayDelete) throw new AppError('FORBIDDEN', 'Only its author or an administrator can delete a message.');
    const at = isoNow(ctx.clock);
    // The body update also removes the old text from the full-text index (trigger / generated column).
    const row = await trx.updateTable('messages').set({ body: '', deleted_at: at, deleted_by: ctx.actor.id, held: 0 }).where('id', '=', messageId).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('inbound_messages').set({ body: '', params: '{}' }).where('message_id', '=', messageId).execute();
    // A keyword text's consent entry stays (it is the evidence of the change) but loses the text.
    await trx
      .updateTable('consent_events')
      .set({ text: null })
      .where('inbound_message_id', 'in', trx.selectFrom('inbound_messages').select('id').where('message_id', '=', messageId))
      .execute();
    const author = row.author_id !== null ? await trx.selectFrom('users').select('name').where('id', '=', row.author_id).executeTakeFirst() : undefined;
    return presentMessage(row, author?.name ?? null, [], ctx.actor.name);
  });
  await publishConversationEvents(ctx, [{ type: 'message.updated', conversationId, message }]);
  return message;
}
