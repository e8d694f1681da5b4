import { isAudienceTag } from '../../../core/conversations.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { audienceOf, publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import { labelTags } from '../queries/tag-labels.js';
import { findVisibleConversation } from '../queries/visibility.js';
import type { TagInput } from '../schema.js';
import { appendMessage } from './append-message.js';

/**
 * Removes a tag. The last user or group tag cannot be removed: a conversation nobody is tagged
 * in would be visible to admins only. Returns null when the actor untagged themself out of view.
 */
export async function untagConversation(ctx: Ctx, conversationId: number, tag: TagInput): Promise<ConversationOut | null> {
  const before = await audienceOf(ctx.db, conversationId);
  await ctx.db.transaction().execute(async (trx) => {
    await findVisibleConversation(trx, ctx.actor, conversationId);
    const tags = await trx.selectFrom('conversation_tags').select(['kind', 'ref_id']).where('conversation_id', '=', conversationId).execute();
    if (!tags.some((t) => t.kind === tag.kind && t.ref_id === tag.id)) throw notFound('That tag');
    if (isAudienceTag(tag.kind) && tags.filter((t) => isAudienceTag(t.kind)).length === 1) {
      throw new AppError('CONFLICT', 'A conversation needs at least one user or user group tagged. Tag someone else first.');
    }
    const label = (await labelTags(trx, [{ conversation_id: conversationId, kind: tag.kind, ref_id: tag.id }])).get(conversationId)![0]!.label;
    await trx
      .deleteFrom('conversation_tags')
      .where('conversation_id', '=', conversationId)
      .where('kind', '=', tag.kind)
      .where('ref_id', '=', tag.id)
      .execute();
    await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'system', body: `${ctx.actor.name} removed ${label}.`, at: isoNow(ctx.clock) });
  });
  await publishConversationEvents(ctx, [{ type: 'conversation.updated', conversationId }], before);
  try {
    return await getConversation(ctx.db, ctx.actor, conversationId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}
