import { formatPhone, parsePhone } from '../../../core/phone-numbers.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';

/**
 * Adds an external phone number to a conversation's recipients, normalised to E.164. Refused
 * once the conversation has texted anyone: its endpoints are then fixed.
 */
export async function addPhoneNumber(ctx: Ctx, conversationId: number, input: string): Promise<ConversationOut> {
  const { defaultRegion } = await getPreferences(ctx.db);
  const parsed = parsePhone(input, defaultRegion);
  if (!parsed.ok) {
    throw new AppError('INVALID_PHONE_NUMBER', `“${input}” ${parsed.reason}.`, {
      fields: [{ field: 'body.phoneNumber', message: parsed.reason }],
    });
  }
  const added = await ctx.db.transaction().execute(async (trx) => {
    await findVisibleConversation(trx, ctx.actor, conversationId);
    const texted = await trx.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).where('direction', '=', 'outbound').limit(1).executeTakeFirst();
    if (texted) throw new AppError('CONFLICT', 'Numbers cannot be added after the first text has been sent in this conversation.');
    const at = isoNow(ctx.clock);
    const res = await trx
      .insertInto('conversation_endpoints')
      .values({ conversation_id: conversationId, phone_number: parsed.e164, added_by: ctx.actor.id, created_at: at })
      .onConflict((oc) => oc.columns(['conversation_id', 'phone_number']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'system', body: `${ctx.actor.name} added ${formatPhone(parsed.e164, defaultRegion)}.`, at });
    return true;
  });
  if (added) await publishConversationEvents(ctx, [{ type: 'conversation.updated', conversationId }]);
  return getConversation(ctx.db, ctx.actor, conversationId);
}
