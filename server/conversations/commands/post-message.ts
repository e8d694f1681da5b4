import { MAX_TEXT_LENGTH } from '../../../core/conversations.js';
import { checkSendPolicy } from '../../../core/send-policy.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { resolveTexting } from '../../texting/settings/texting-settings.js';
import { publishConversationEvents } from '../events.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';
import { recipientsOf } from '../queries/recipients.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';
import { queueDeliveries } from './outbound.js';

const NOT_CONFIGURED =
  'Texting is not set up. An administrator can enter the Twilio API key in Company Preferences > Add-Ons > Conversations.';

/**
 * Posts a message to an open conversation the actor can see. In a conversation with phone
 * numbers it is also texted, all or nothing, after the send policy: texting disabled or
 * unsubscribed refuse it with the product's messages; numbers that have not opted in keep it
 * held (stored, shown, sent once they opt in) and answer OPT_IN_REQUIRED for the opt-in pop-up.
 * Deliveries are queued in the message's transaction and sent by the dispatcher after commit.
 */
export async function postMessage(ctx: Ctx, conversationId: number, body: string): Promise<MessageOut> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const conversation = await findVisibleConversation(trx, ctx.actor, conversationId);
    if (conversation.status !== 'open') {
      throw new AppError('CONFLICT', 'This conversation is closed. Reopen it to post a message.');
    }
    const recipients = await recipientsOf(trx, conversationId);
    const at = isoNow(ctx.clock);
    if (recipients.length === 0) {
      const row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body, at });
      return { message: presentMessage(row, ctx.actor.name), held: [] as string[] };
    }
    if (body.length > MAX_TEXT_LENGTH) {
      throw new AppError('VALIDATION_FAILED', `A text message can be at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters; this one has ${body.length.toLocaleString('en-US')}.`, {
        fields: [{ field: 'body.body', message: `must be at most ${MAX_TEXT_LENGTH} characters for a text message` }],
      });
    }
    if (!(await resolveTexting(ctx, trx))) throw new AppError('TEXTING_NOT_CONFIGURED', NOT_CONFIGURED);
    const verdict = checkSendPolicy(recipients);
    if (!verdict.ok && verdict.code !== 'OPT_IN_REQUIRED') {
      throw new AppError(verdict.code, verdict.message, { numbers: verdict.numbers });
    }
    const held = !verdict.ok;
    const row = await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'user', body, at, direction: 'outbound' });
    if (held) {
      await trx.updateTable('messages').set({ held: 1 }).where('id', '=', row.id).execute();
      return { message: presentMessage({ ...row, held: 1 }, ctx.actor.name), held: verdict.numbers };
    }
    const deliveries = await queueDeliveries(trx, row, recipients.map((r) => r.number), at);
    return { message: presentMessage(row, ctx.actor.name, deliveries), held: [] as string[] };
  });
  const { message } = result;
  if (message.direction === 'outbound' && !message.held) ctx.workers.kick('dispatch');
  await publishConversationEvents(ctx, [{ type: 'message.created', conversationId, message }]);
  if (result.held.length) {
    throw new AppError('OPT_IN_REQUIRED', 'Opt-in is required before texting these numbers. The message is held and will be sent once they opt in.', {
      numbers: result.held,
      message,
    });
  }
  return message;
}
