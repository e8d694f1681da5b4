import { partyKindFor } from '../../../../core/transactions.js';
import type { Ctx } from '../../../context.js';
import type { Trx } from '../../../db/schema.js';
import { isoNow } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { getPreferences } from '../../../preferences/queries/get-preferences.js';
import { localDate } from '../../../preferences/time-zone.js';
import { partyLabel, partyTable } from '../../queries/get-party.js';
import type { TransactionOut } from '../presenters.js';
import { getTransaction } from '../queries/get-transaction.js';
import type { TransactionCreateInput } from '../schema.js';
import { allocateTransactionId } from './allocate-transaction-id.js';
import { partyIdFor } from './party-rules.js';

/**
 * Records a transaction against its customer (A/R) or vendor (A/P) and gives it the next
 * Transaction ID of its type. Without a date it is dated today in the company's time zone.
 */
export async function createTransaction(ctx: Ctx, input: TransactionCreateInput): Promise<TransactionOut> {
  return ctx.db.transaction().execute((trx) => insertTransaction(trx, ctx, input));
}

/** createTransaction inside the caller's transaction (Create Transaction from a message uses it). */
export async function insertTransaction(
  trx: Trx,
  ctx: Ctx,
  input: TransactionCreateInput,
): Promise<TransactionOut> {
  const partyId = partyIdFor(input.type, input);
  const kind = partyKindFor(input.type);
  const party = await trx
    .selectFrom(partyTable(kind))
    .select('id')
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party) throw notFound(partyLabel(kind));
  const date = input.date ?? localDate(ctx.clock.now(), (await getPreferences(trx)).timeZone);
  // Allocate last: on PostgreSQL the counter row stays locked until commit, so keep that short.
  const transactionId = await allocateTransactionId(trx, input.type);
  const now = isoNow(ctx.clock);
  const { id } = await trx
    .insertInto('transactions')
    .values({
      transaction_id: transactionId,
      type: input.type,
      customer_id: kind === 'customer' ? partyId : null,
      vendor_id: kind === 'vendor' ? partyId : null,
      status: input.status,
      date,
      total_cents: input.totalCents,
      memo: input.memo ?? '',
      created_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getTransaction(trx, id);
}
