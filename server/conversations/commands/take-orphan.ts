import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';

/**
 * Takes an orphan conversation off its user group, for the signed-in user (Claim) or for a member
 * of the group chosen by them (Assign). One conditional UPDATE decides: when two users act at the
 * same moment exactly one wins and the other is told who took it.
 */
export async function takeOrphan(ctx: Ctx, conversationId: number, assigneeId: number | null): Promise<ConversationOut> {
  const groupId = await ctx.db.transaction().execute(async (trx) => {
    const alreadyTaken = async () => {
      const row = await trx.selectFrom('conversations').leftJoin('users', 'users.id', 'conversations.claimed_by').select('users.name').where('conversations.id', '=', conversationId).executeTakeFirst();
      return new AppError('CONFLICT', row?.name ? `This conversation was already claimed by ${row.name}.` : 'This conversation is not waiting to be claimed.');
    };
    let c;
    try {
      c = await findVisibleConversation(trx, ctx.actor, conversationId);
    } catch (err) {
      // Someone else claimed it a moment ago and the group lost sight of it: say who, to members of that group.
      const lost = await trx
        .selectFrom('conversations')
        .innerJoin('user_group_members as m', 'm.group_id', 'conversations.orphan_group_id')
        .select('conversations.id')
        .where('conversations.id', '=', conversationId)
        .where('m.user_id', '=', ctx.actor.id)
        .where('conversations.claimed_by', 'is not', null)
        .executeTakeFirst();
      if (lost) throw await alreadyTaken();
      throw err;
    }
    if (c.orphan_group_id === null || c.claimed_by !== null) throw await alreadyTaken();
    const groupId = c.orphan_group_id;
    const userId = assigneeId ?? ctx.actor.id;
    const assignee = await trx
      .selectFrom('users')
      .leftJoin('user_group_members as m', (j) => j.onRef('m.user_id', '=', 'users.id').on('m.group_id', '=', groupId))
      .select(['users.id', 'users.name', 'users.active', 'm.group_id'])
      .where('users.id', '=', userId)
      .executeTakeFirst();
    if (!assignee || assignee.active !== 1) throw new AppError('NOT_FOUND', 'That user was not found.');
    if (assigneeId !== null && assignee.group_id === null) {
      throw new AppError('VALIDATION_FAILED', `${assignee.name} is not a member of the Orphan Conversation User Group.`, { fields: [{ field: 'body.userId', message: 'must be a member of the orphan group' }] });
    }
    const at = isoNow(ctx.clock);
    const won = await trx
      .updateTable('conversations')
      .set({ claimed_by: userId, updated_at: at })
      .where('id', '=', conversationId)
      .where('claimed_by', 'is', null)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) === 0) throw await alreadyTaken();
    await trx.deleteFrom('conversation_tags').where('conversation_id', '=', conversationId).where('kind', '=', 'group').where('ref_id', '=', groupId).execute();
    await trx
      .insertInto('conversation_tags')
      .values({ conversation_id: conversationId, kind: 'user', ref_id: userId, added_by: ctx.actor.id, created_at: at })
      .onConflict((oc) => oc.columns(['conversation_id', 'kind', 'ref_id']).doNothing())
      .execute();
    const line = assigneeId === null ? `Claimed by ${ctx.actor.name}.` : `Assigned to ${assignee.name} by ${ctx.actor.name}.`;
    await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'system', body: line, at });
    return groupId;
  });
  // The group's other members lose sight of it: tell their screens too.
  const members = await ctx.db.selectFrom('user_group_members').select('user_id').where('group_id', '=', groupId).execute();
  await publishConversationEvents(ctx, [{ type: 'conversation.updated', conversationId }], members.map((m) => m.user_id));
  return getConversation(ctx.db, ctx.actor, conversationId);
}
