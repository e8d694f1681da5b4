import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { deleteFiles, forgetAttachments } from '../../attachments/commands/forget-files.js';
import { publishConversationEvents } from '../events.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';
import { findVisibleConversation } from '../queries/visibility.js';

/**
 * Deletes a message from Switchboard: its text is erased (not hidden) from the message, the
 * search index, the stored webhook it came from and the consent ledger (whose entry stays, without
 * the text); an attachment's files are deleted and its download link stops working; a
 * placeholder says who deleted it and when.
 * It cannot be removed from the recipient's phone. Its author or an admin may delete it.
 */
export async function deleteMessage(ctx: Ctx, conversationId: number, messageId: number): Promise<MessageOut> {
  const { message, files } = await ctx.db.transaction().execute(async (trx) => {
    await findVisibleConversation(trx, ctx.actor, conversationId);
    const m = await trx.selectFrom('messages').selectAll().where('id', '=', messageId).where('conversation_id', '=', conversationId).executeTakeFirst();
    if (!m || m.kind !== 'user') throw new AppError('NOT_FOUND', 'That message is not in this conversation.');
    if (m.deleted_at) throw new AppError('CONFLICT', 'That message has already been deleted.');
    const mayDelete = ctx.actor.role === 'admin' || (m.author_id !== null && m.author_id === ctx.actor.id);
    if (!mayDelete) throw new AppError('FORBIDDEN', 'Only its author or an administrator can delete a message.');
    const at = isoNow(ctx.clock);
    // The body update also removes the old text from the full-text index (trigger / generated column).
    const row = await trx.updateTable('messages').set({ body: '', sms_body: null, media_url: null, deleted_at: at, deleted_by: ctx.actor.id, held: 0 }).where('id', '=', messageId).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('inbound_messages').set({ body: '', params: '{}' }).where('message_id', '=', messageId).execute();
    // A keyword text's consent entry stays (it is the evidence of the change) but loses the text.
    await trx
      .updateTable('consent_events')
      .set({ text: null })
      .where('inbound_message_id', 'in', trx.selectFrom('inbound_messages').select('id').where('message_id', '=', messageId))
      .execute();
    const author = row.author_id !== null ? await trx.selectFrom('users').select('name').where('id', '=', row.author_id).executeTakeFirst() : undefined;
    // Not sent yet: it never will be.
    await trx
      .updateTable('deliveries')
      .set({ status: 'failed', status_rank: 3, error_message: 'Deleted before it was sent.', final_at: at, updated_at: at })
      .where('message_id', '=', messageId)
      .where('status', '=', 'queued')
      .where('provider_sid', 'is', null)
      .where('lease_owner', 'is', null)
      .where('outcome_unknown', '=', 0)
      .execute();
    // Its files go too, and a download link it carried stops working.
    const files = await forgetAttachments(trx, [messageId], at);
    return { message: presentMessage(row, author?.name ?? null, [], ctx.actor.name), files };
  });
  await deleteFiles(ctx, files);
  await publishConversationEvents(ctx, [{ type: 'message.updated', conversationId, message }]);
  return message;
}
