import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import type { CreateConversationInput } from '../schema.js';
import { endpointKey } from '../../../core/endpoints.js';
import { joinThread, normaliseNumbers, openThreadFor } from './add-phone-number.js';
import { appendMessage } from './append-message.js';
import { postMessage } from './post-message.js';
import { assertTagTarget } from './tag-targets.js';

/**
 * Starts a conversation with its tags and, optionally, its first message. The creator is always
 * tagged, so nobody creates a conversation they then cannot see.
 */
export async function createConversation(ctx: Ctx, input: CreateConversationInput): Promise<ConversationOut & { redirected: boolean }> {
  const numbers = await normaliseNumbers(ctx, input.phoneNumbers ?? []);
  const key = endpointKey(numbers);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx.clock);
    if (key) {
      const existing = await openThreadFor(trx, key);
      if (existing) {
        await joinThread(trx, ctx.actor, existing.id, now);
        // Started from a customer, vendor or transaction: the thread it continues is about it too.
        for (const t of input.tags.filter((t) => t.kind === 'customer' || t.kind === 'vendor' || t.kind === 'transaction')) {
          await assertTagTarget(trx, t);
          await trx
            .insertInto('conversation_tags')
            .values({ conversation_id: existing.id, kind: t.kind, ref_id: t.id, added_by: ctx.actor.id, created_at: now })
            .onConflict((oc) => oc.columns(['conversation_id', 'kind', 'ref_id']).doNothing())
            .execute();
        }
        return { id: existing.id, redirected: true };
      }
    }
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
        endpoint_key: key,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (numbers.length) {
      await trx
        .insertInto('conversation_endpoints')
        .values([...new Set(numbers)].map((n) => ({ conversation_id: id, phone_number: n, added_by: ctx.actor.id, created_at: now })))
        .execute();
    }
    await trx
      .insertInto('conversation_tags')
      .values([...tags.values()].map((t) => ({ conversation_id: id, kind: t.kind, ref_id: t.id, added_by: ctx.actor.id, created_at: now })))
      .execute();
    if (input.body !== undefined && !key) {
      await appendMessage(trx, { conversationId: id, authorId: ctx.actor.id, kind: 'user', body: input.body, at: now });
    }
    return { id, redirected: false };
  });
  await publishConversationEvents(ctx, [{ type: outcome.redirected ? 'conversation.updated' : 'conversation.created', conversationId: outcome.id }]);
  // A first message to phones goes through the send policy like any other text.
  if (key && input.body !== undefined) await postMessage(ctx, outcome.id, input.body);
  return { ...(await getConversation(ctx.db, ctx.actor, outcome.id)), redirected: outcome.redirected };
}
