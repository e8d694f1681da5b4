import { endpointKey } from '../../../core/endpoints.js';
import { formatPhone } from '../../../core/phone-numbers.js';
import { toE164 } from '../../contacts/phone-input.js';
import type { Actor, Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import type { Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { publishConversationEvents } from '../events.js';
import type { ConversationOut } from '../presenters.js';
import { getConversation } from '../queries/get-conversation.js';
import { findVisibleConversation } from '../queries/visibility.js';
import { appendMessage } from './append-message.js';

export interface EndpointChange {
  conversation: ConversationOut;
  /** The set already had an open thread: this is it, nothing new was made. */
  redirected: boolean;
  /** A new conversation was made (the original already held messages). */
  created: boolean;
}

/** Normalises typed numbers to E.164, naming the first that is not a valid number. */
export async function normaliseNumbers(ctx: Ctx, inputs: string[]): Promise<string[]> {
  return toE164(ctx.db, inputs.map((value, i) => ({ value, field: `body.phoneNumbers.${i}` })));
}

/** The open conversation with exactly this endpoint set, if any. */
export async function openThreadFor(trx: Trx, key: string) {
  return trx.selectFrom('conversations').select('id').where('status', '=', 'open').where('endpoint_key', '=', key).executeTakeFirst();
}

/** Lets the actor into a thread they were redirected to, so two users texting one number share it. */
export async function joinThread(trx: Trx, actor: Actor, conversationId: number, at: string) {
  const res = await trx
    .insertInto('conversation_tags')
    .values({ conversation_id: conversationId, kind: 'user', ref_id: actor.id, added_by: actor.id, created_at: at })
    .onConflict((oc) => oc.columns(['conversation_id', 'kind', 'ref_id']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) {
    await appendMessage(trx, { conversationId, authorId: actor.id, kind: 'system', body: `${actor.name} joined the conversation.`, at });
  }
}

/**
 * Adds phone numbers to a conversation's recipients. A conversation is its set of endpoints:
 * when the new set already has an open thread, the actor is sent there instead. A conversation
 * that already holds messages keeps its set; a new conversation with the same subject, type and
 * tags gets the larger one. After the first text no numbers can be added.
 */
export async function addPhoneNumbers(ctx: Ctx, conversationId: number, inputs: string[]): Promise<EndpointChange> {
  const numbers = await normaliseNumbers(ctx, inputs);
  const { defaultRegion } = await getPreferences(ctx.db);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const conversation = await findVisibleConversation(trx, ctx.actor, conversationId);
    if (conversation.status !== 'open') throw new AppError('CONFLICT', 'This conversation is closed. Reopen it to add phone numbers.');
    const texted = await trx.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).where('direction', '=', 'outbound').limit(1).executeTakeFirst();
    if (texted) throw new AppError('CONFLICT', 'Numbers cannot be added after the first text has been sent in this conversation.');
    const current = (await trx.selectFrom('conversation_endpoints').select('phone_number').where('conversation_id', '=', conversationId).execute()).map((e) => e.phone_number);
    const added = numbers.filter((n) => !current.includes(n));
    const key = endpointKey([...current, ...numbers])!;
    const at = isoNow(ctx.clock);
    if (added.length === 0) return { id: conversationId, redirected: false, created: false, changed: false };
    const existing = await openThreadFor(trx, key);
    if (existing && existing.id !== conversationId) {
      await joinThread(trx, ctx.actor, existing.id, at);
      return { id: existing.id, redirected: true, created: false, changed: true };
    }
    const hasMessages = await trx.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).where('kind', '=', 'user').limit(1).executeTakeFirst();
    let target = conversationId;
    if (hasMessages) {
      ({ id: target } = await trx
        .insertInto('conversations')
        .values({ subject: conversation.subject, type_id: conversation.type_id, status: 'open', created_by: ctx.actor.id, created_at: at, updated_at: at, last_activity_at: at, last_message_id: null, closed_at: null, endpoint_key: null })
        .returning('id')
        .executeTakeFirstOrThrow());
      const tags = await trx.selectFrom('conversation_tags').select(['kind', 'ref_id']).where('conversation_id', '=', conversationId).execute();
      if (tags.length) {
        await trx.insertInto('conversation_tags').values(tags.map((t) => ({ conversation_id: target, kind: t.kind, ref_id: t.ref_id, added_by: ctx.actor.id, created_at: at }))).execute();
      }
      if (current.length) {
        await trx.insertInto('conversation_endpoints').values(current.map((n) => ({ conversation_id: target, phone_number: n, added_by: ctx.actor.id, created_at: at }))).execute();
      }
      await joinThread(trx, ctx.actor, target, at);
    }
    await trx.insertInto('conversation_endpoints').values(added.map((n) => ({ conversation_id: target, phone_number: n, added_by: ctx.actor.id, created_at: at }))).execute();
    await trx.updateTable('conversations').set({ endpoint_key: key, updated_at: at }).where('id', '=', target).execute();
    await appendMessage(trx, { conversationId: target, authorId: ctx.actor.id, kind: 'system', body: `${ctx.actor.name} added ${added.map((n) => formatPhone(n, defaultRegion)).join(', ')}.`, at });
    return { id: target, redirected: false, created: Boolean(hasMessages), changed: true };
  });
  if (outcome.changed) {
    await publishConversationEvents(ctx, [{ type: outcome.created ? 'conversation.created' : 'conversation.updated', conversationId: outcome.id }]);
  }
  return { conversation: await getConversation(ctx.db, ctx.actor, outcome.id), redirected: outcome.redirected, created: outcome.created };
}
