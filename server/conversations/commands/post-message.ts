import { MAX_TEXT_LENGTH } from '../../../core/conversations.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { resolveTexting } from '../../texting/settings/texting-settings.js';
import { publishConversationEvents } from '../events.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';

const NOT_CONFIGURED =
  'Texting is not set up. An administrator can enter the Twilio API key in Company Preferences > Add-Ons > Conversations.';

/**
 * Posts a message to an open conversation the actor can see. In a conversation with phone
 * numbers the message is also texted: one queued delivery per number is written in the same
 * transaction, and the dispatcher sends them after the commit — never inside the request.
 */
export async function postMessage(ctx: Ctx, conversationId: number, body: string): Promise<MessageOut> {
  const message = await ctx.db.transaction().execute(async (trx) => {
    const conversation = await findVisibleConversation(trx, ctx.actor, conversationId);
    if (conversation.status !== 'open') {
      throw new AppError('CONFLICT', 'This conversation is closed. Reopen it to post a message.');
    }
    const endpoints = await trx
      .selectFrom('conversation_endpoints')
      .select('phone_number')
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .execute();
    const at = isoNow(ctx.clock);
    if (endpoints.length === 0) {
      const row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body, at });
      return presentMessage(row, ctx.actor.name);
    }
    if (body.length > MAX_TEXT_LENGTH) {
      throw new AppError('VALIDATION_FAILED', `A text message can be at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters; this one has ${body.length.toLocaleString('en-US')}.`, {
        fields: [{ field: 'body.body', message: `must be at most ${MAX_TEXT_LENGTH} characters for a text message` }],
      });
    }
    if (!(await resolveTexting(ctx, trx))) throw new AppError('TEXTING_NOT_CONFIGURED', NOT_CONFIGURED);
    const row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body, at, direction: 'outbound' });
    const deliveries = await trx
      .insertInto('deliveries')
      .values(
        endpoints.map((e) => ({
          message_id: row.id,
          conversation_id: conversationId,
          to_number: e.phone_number,
          status: 'queued' as const,
          status_rank: 0,
          next_attempt_at: at,
          created_at: at,
          updated_at: at,
        })),
      )
      .returningAll()
      .execute();
    return presentMessage(row, ctx.actor.name, deliveries);
  });
  if (message.direction === 'outbound') ctx.workers.kick('dispatch');
  await publishConversationEvents(ctx, [{ type: 'message.created', conversationId, message }]);
  return message;
}
