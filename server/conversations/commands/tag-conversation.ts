import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import { labelTags } from '../queries/tag-labels.js';
import { findVisibleConversation } from '../queries/visibility.js';
import type { TagInput } from '../schema.js';
import { appendMessage } from './append-message.js';
import { assertTagTarget } from './tag-targets.js';

/** Tags a user, group or record in a conversation; tagging twice is harmless. A system line records it. */
export async function tagConversation(ctx: Ctx, conversationId: number, tag: TagInput): Promise<ConversationOut> {
  const added = await ctx.db.transaction().execute(async (trx) => {
    await findVisibleConversation(trx, ctx.actor, conversationId);
    await assertTagTarget(trx, tag);
    const now = isoNow(ctx.clock);
    const res = await trx
      .insertInto('conversation_tags')
      .values({ conversation_id: conversationId, kind: tag.kind, ref_id: tag.id, added_by: ctx.actor.id, created_at: now })
      .onConflict((oc) => oc.columns(['conversation_id', 'kind', 'ref_id']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const label = (await labelTags(trx, [{ conversation_id: conversationId, kind: tag.kind, ref_id: tag.id }])).get(conversationId)![0]!.label;
    await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'system', body: `${ctx.actor.name} tagged ${label}.`, at: now });
    return true;
  });
  if (added) await publishConversationEvents(ctx, [{ type: 'conversation.updated', conversationId }]);
  return getConversation(ctx.db, ctx.actor, conversationId);
}
