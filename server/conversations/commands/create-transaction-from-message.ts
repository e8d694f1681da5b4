import { TRANSACTION_TYPES, partyKindFor } from '../../../core/transactions.js';
import type { TransactionType } from '../../../core/transactions.js';
import { formatPhone } from '../../../core/phone-numbers.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { insertTransaction } from '../../erp/transactions/commands/create-transaction.js';
import type { TransactionOut } from '../../erp/transactions/presenters.js';
import { insertParty } from '../../erp/commands/create-party.js';
import { AppError } from '../../errors.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { publishConversationEvents } from '../events.js';
import type { MessageOut } from '../presenters.js';
import { getMessage } from '../queries/get-message.js';
import { labelTags } from '../queries/tag-labels.js';
import { findMessageForTransaction, numbersOf } from '../queries/transaction-options.js';
import { appendMessage } from './append-message.js';

export interface CreateFromMessageInput {
  type: TransactionType;
  customerId?: number | null;
  vendorId?: number | null;
  /** Creates the customer/vendor (with the message's phone number as a Cell Phone) instead of choosing one. */
  newParty?: { name: string } | null;
}

/**
 * "Create Transaction" on a message: creates the transaction for the chosen (or new) customer or
 * vendor with the message's text as its memo, tags it in the conversation, and associates the
 * message with it — once: a second attempt on the same message is refused, even when two users
 * click at the same moment.
 */
export async function createTransactionFromMessage(
  ctx: Ctx,
  conversationId: number,
  messageId: number,
  input: CreateFromMessageInput,
): Promise<{ transaction: TransactionOut; message: MessageOut }> {
  const kind = partyKindFor(input.type);
  const label = TRANSACTION_TYPES[input.type].label;
  const transaction = await ctx.db.transaction().execute(async (trx) => {
    const m = await findMessageForTransaction(trx, ctx.actor, conversationId, messageId);
    const already = async (id: number) => {
      const t = await trx.selectFrom('transactions').select('transaction_id').where('id', '=', id).executeTakeFirst();
      return new AppError('CONFLICT', `This message is already associated with ${t?.transaction_id ?? 'a transaction'}.`);
    };
    if (m.transaction_id !== null) throw await already(m.transaction_id);
    const now = isoNow(ctx.clock);

    let partyId = kind === 'customer' ? input.customerId : input.vendorId;
    if (input.newParty) {
      const name = input.newParty.name.trim();
      if (!name) throw new AppError('VALIDATION_FAILED', `Enter the new ${kind}'s name.`, { fields: [{ field: 'body.newParty.name', message: 'is required' }] });
      // The number that texted becomes the new party's Cell Phone, so its next texts are connected.
      const { defaultRegion } = await getPreferences(trx);
      const numbers = await numbersOf(trx, m);
      const party = await insertParty(trx, ctx, kind, {
        name,
        companyName: null,
        contactMethods: numbers.map((n) => ({ type: 'Cell Phone' as const, value: formatPhone(n, defaultRegion), description: null })),
        contacts: [],
      });
      partyId = party.id;
    }
    if (partyId == null) {
      throw new AppError('VALIDATION_FAILED', `Choose the ${kind} for this ${label}.`, {
        fields: [{ field: kind === 'customer' ? 'body.customerId' : 'body.vendorId', message: 'is required' }],
      });
    }
    const created = await insertTransaction(trx, ctx, {
      type: input.type,
      customerId: kind === 'customer' ? partyId : null,
      vendorId: kind === 'vendor' ? partyId : null,
      status: 'open',
      totalCents: 0,
      memo: m.body.slice(0, 2000),
    });
    // Only one association wins, whoever clicked first.
    const claimed = await trx.updateTable('messages').set({ transaction_id: created.id }).where('id', '=', messageId).where('transaction_id', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      const now2 = await trx.selectFrom('messages').select('transaction_id').where('id', '=', messageId).executeTakeFirstOrThrow();
      throw await already(now2.transaction_id!);
    }
    await trx
      .insertInto('conversation_tags')
      .values({ conversation_id: conversationId, kind: 'transaction', ref_id: created.id, added_by: ctx.actor.id, created_at: now })
      .onConflict((oc) => oc.columns(['conversation_id', 'kind', 'ref_id']).doNothing())
      .execute();
    const tagLabel = (await labelTags(trx, [{ conversation_id: conversationId, kind: 'transaction', ref_id: created.id }])).get(conversationId)![0]!.label;
    await appendMessage(trx, { conversationId, authorId: ctx.actor.id, kind: 'system', body: `${ctx.actor.name} created ${tagLabel} from a message and tagged it.`, at: now });
    return created;
  });
  const message = (await getMessage(ctx.db, messageId, ctx.clock))!;
  await publishConversationEvents(ctx, [
    { type: 'message.updated', conversationId, message },
    { type: 'conversation.updated', conversationId },
  ]);
  return { transaction, message };
}
