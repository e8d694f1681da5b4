import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import type { CreateConversationInput } from '../schema.js';
import { appendMessage } from './append-message.js';
import { assertTagTarget } from './tag-targets.js';

/**
 * Starts a conversation with its tags and, optionally, its first message. The creator is always
 * tagged, so nobody creates a conversation they then cannot see.
 */
export async function createConversation(ctx: Ctx, input: CreateConversationInput): Promise<ConversationOut> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx.clock);
    if (input.typeId !== null) {
      const type = await trx.selectFrom('conversation_types').select('active').where('id', '=', input.typeId).executeTakeFirst();
      if (!type || type.active !== 1) {
        throw new AppError('VALIDATION_FAILED', 'That conversation type does not exist or is inactive.', {
          fields: [{ field: 'body.typeId', message: 'is not an active conversation type' }],
        });
      }
    }
    const tags = new Map(input.tags.map((t) => [`${t.kind}:${t.id}`, t]));
    tags.set(`user:${ctx.actor.id}`, { kind: 'user', id: ctx.actor.id });
    for (const t of tags.values()) await assertTagTarget(trx, t);

    const { id } = await trx
      .insertInto('conversations')
      .values({
        subject: input.subject,
        type_id: input.typeId,
        status: 'open',
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
        last_activity_at: now,
        last_message_id: null,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('conversation_tags')
      .values([...tags.values()].map((t) => ({ conversation_id: id, kind: t.kind, ref_id: t.id, added_by: ctx.actor.id, created_at: now })))
      .execute();
    if (input.body !== undefined) {
      await appendMessage(trx, { conversationId: id, authorId: ctx.actor.id, kind: 'user', body: input.body, at: now });
    }
    return id;
  });
  await publishConversationEvents(ctx, [{ type: 'conversation.created', conversationId: id }]);
  return getConversation(ctx.db, ctx.actor, id);
}
