import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { publishConversationEvents } from '../../conversations/events.js';
import { getMessage } from '../../conversations/queries/get-message.js';
import { AppError } from '../../errors.js';
import { attachmentsOfMessages } from '../queries/attachments-of-messages.js';
import { findReadableAttachment } from '../queries/find-attachment.js';
import type { AttachmentOut } from '../presenters.js';

/** Queues an inbound media file whose fetch failed to be fetched again, from its first attempt. */
export async function retryMediaFetch(ctx: Ctx, id: number): Promise<AttachmentOut> {
  const a = await findReadableAttachment(ctx.db, ctx.actor, id);
  if (a.fetch_status !== 'failed') throw new AppError('CONFLICT', a.fetch_status ? 'This attachment is not waiting for a retry.' : 'Only media received from a phone can be fetched again.');
  await ctx.db
    .updateTable('attachments')
    .set({ fetch_status: 'pending', fetch_attempts: 0, fetch_error: null, next_fetch_at: isoNow(ctx.clock), lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('fetch_status', '=', 'failed')
    .execute();
  ctx.workers.kick('media');
  const message = await getMessage(ctx.db, a.message_id!, ctx.clock);
  if (message) await publishConversationEvents(ctx, [{ type: 'message.updated', conversationId: message.conversationId, message }]);
  const presented = (await attachmentsOfMessages(ctx.db, [a.message_id!], ctx.clock.now())).get(a.message_id!) ?? [];
  return presented.find((p) => p.id === id)!;
}
