import { fillText, textValuesFrom } from '../../../core/opt-in-texts.js';
import type { TextValues } from '../../../core/opt-in-texts.js';
import { TEXTING_DISABLED_MESSAGE, UNSUBSCRIBED_MESSAGE } from '../../../core/send-policy.js';
import { recordConsent } from '../../contacts/commands/record-consent.js';
import type { Ctx, Services } from '../../context.js';
import { isoNow } from '../../context.js';
import type { DbOrTrx, Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { publishDeliveryUpdates } from '../../texting/delivery-events.js';
import type { DeliveryRow } from '../../texting/deliveries.table.js';
import { publishConversationEvents } from '../events.js';
import { attachmentsOfMessages } from '../../attachments/queries/attachments-of-messages.js';
import { deleteFiles, fileKeysOf } from '../../attachments/commands/forget-files.js';
import type { ConversationEvent } from '../events.js';
import { presentMessage } from '../presenters.js';
import { recipientsOf } from '../queries/recipients.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendSystemText } from './outbound.js';
import { releaseHeldMessages } from './release-held.js';

export async function textValues(db: DbOrTrx): Promise<TextValues & { prefs: Awaited<ReturnType<typeof getPreferences>> }> {
  const prefs = await getPreferences(db);
  return { ...textValuesFrom(prefs), prefs };
}

/**
 * Once numbers have opted in: the confirmation text goes to each, then every message that was
 * held for them and may now be sent. Returns what to announce after commit.
 */
export async function confirmOptIn(trx: Trx, conversationId: number, numbers: string[], at: string, authorId: number | null) {
  if (numbers.length === 0) return { messageIds: [] as number[], deliveries: [] as DeliveryRow[] };
  const values = await textValues(trx);
  const confirmation = await appendSystemText(trx, conversationId, fillText(values.prefs.optInConfirmationText, values), numbers, at, authorId);
  const released = await releaseHeldMessages(trx, numbers, at);
  return { messageIds: [confirmation.message.id], deliveries: [...confirmation.deliveries, ...released] };
}

export type OptInInput = { method: 'verbal'; script: string } | { method: 'text' };

/**
 * The opt-in pop-up's two buttons, for every number of the conversation not yet opted in.
 * "Opt-In and Send Confirmation" (verbal) records who obtained consent, when, and the script shown,
 * marks the numbers opted in and sends the confirmation, then the held messages.
 * "Send Opt-In Request" (text) sends the request containing START and marks them pending.
 */
export async function optInConversation(ctx: Ctx, conversationId: number, input: OptInInput) {
  const result = await ctx.db.transaction().execute(async (trx) => {
    await findVisibleConversation(trx, ctx.actor, conversationId);
    const recipients = await recipientsOf(trx, conversationId);
    if (recipients.some((r) => r.textingDisabled)) throw new AppError('TEXTING_DISABLED', TEXTING_DISABLED_MESSAGE);
    if (recipients.some((r) => r.consent === 'opted_out')) throw new AppError('UNSUBSCRIBED', UNSUBSCRIBED_MESSAGE);
    const numbers = recipients.filter((r) => r.consent !== 'opted_in').map((r) => r.number);
    if (numbers.length === 0) throw new AppError('CONFLICT', 'Every number in this conversation has already opted in.');
    const at = isoNow(ctx.clock);
    if (input.method === 'verbal') {
      for (const n of numbers) await recordConsent(trx, n, { type: 'verbal' }, { method: 'verbal', userId: ctx.actor.id, text: input.script, at });
      return { numbers, ...(await confirmOptIn(trx, conversationId, numbers, at, ctx.actor.id)) };
    }
    const values = await textValues(trx);
    const request = fillText(values.prefs.optInRequestText, values);
    for (const n of numbers) await recordConsent(trx, n, { type: 'text-request-sent' }, { method: 'text', userId: ctx.actor.id, text: request, at });
    const sent = await appendSystemText(trx, conversationId, request, numbers, at, ctx.actor.id);
    return { numbers, messageIds: [sent.message.id], deliveries: sent.deliveries };
  });
  ctx.workers.kick('dispatch');
  await publishOutboundChanges(ctx, conversationId, result.messageIds, result.deliveries);
  return { numbers: result.numbers, method: input.method };
}

/**
 * Tells screens about texts the opt-in process wrote (message.created) and held messages it
 * released (message.updated, now with deliveries), then the deliveries themselves.
 */
export async function publishOutboundChanges(s: Services, conversationId: number, createdIds: number[], deliveries: DeliveryRow[]) {
  const released = [...new Set(deliveries.map((d) => d.message_id))].filter((id) => !createdIds.includes(id));
  const ids = [...createdIds, ...released];
  if (ids.length) {
    const rows = await s.db.selectFrom('messages').leftJoin('users', 'users.id', 'messages.author_id').leftJoin('transactions as mtx', 'mtx.id', 'messages.transaction_id').selectAll('messages').select(['users.name as author_name', 'mtx.transaction_id as tx_code', 'mtx.type as tx_type']).where('messages.id', 'in', ids).orderBy('messages.id').execute();
    const attachments = await attachmentsOfMessages(s.db, ids, s.clock.now());
    const events: ConversationEvent[] = rows.map((m) => ({
      type: createdIds.includes(m.id) ? ('message.created' as const) : ('message.updated' as const),
      conversationId: m.conversation_id,
      message: presentMessage(m, m.author_name, deliveries.filter((d) => d.message_id === m.id), null, attachments.get(m.id) ?? []),
    }));
    await publishConversationEvents(s, events);
  }
  await publishConversationEvents(s, [{ type: 'conversation.updated', conversationId }]);
  await publishDeliveryUpdates(s, deliveries);
}

/** Discards a message held for opt-in: it was never texted, so it is removed outright. */
export async function discardHeldMessage(ctx: Ctx, conversationId: number, messageId: number): Promise<void> {
  const files = await ctx.db.transaction().execute(async (trx) => {
    await findVisibleConversation(trx, ctx.actor, conversationId);
    const m = await trx.selectFrom('messages').select(['held', 'author_id']).where('id', '=', messageId).where('conversation_id', '=', conversationId).executeTakeFirst();
    if (!m || m.held !== 1) throw new AppError('NOT_FOUND', 'There is no held message with that id in this conversation.');
    if (m.author_id !== ctx.actor.id && ctx.actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only its author or an administrator can discard a held message.');
    const files = await fileKeysOf(trx, [messageId]);
    await trx.deleteFrom('messages').where('id', '=', messageId).execute();
    const last = await trx.selectFrom('messages').select(['id', 'created_at']).where('conversation_id', '=', conversationId).orderBy('id', 'desc').executeTakeFirst();
    await trx.updateTable('conversations').set({ last_message_id: last?.id ?? null }).where('id', '=', conversationId).execute();
    return files;
  });
  await deleteFiles(ctx, files);
  await publishConversationEvents(ctx, [{ type: 'conversation.updated', conversationId }]);
}
