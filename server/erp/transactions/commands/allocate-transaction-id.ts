import { FIRST_TRANSACTION_NUMBER, formatTransactionId } from '../../../../core/transactions.js';
import type { TransactionType } from '../../../../core/transactions.js';
import type { Trx } from '../../../db/schema.js';

/**
 * Issues the next Transaction ID for a type (SO-10001, SO-10002, ...) from its row in
 * `counters`, inside the caller's transaction so a rolled-back create leaves no gap.
 *
 * One upsert rather than "update, and insert if no row was updated": with the two-step form,
 * two first-ever creates on PostgreSQL can both find no row and both insert, and one fails. The
 * upsert takes the row lock (or waits on the other insert's unique-index entry) atomically, so
 * concurrent creates are serialized on the counter row and each gets its own number.
 */
export async function allocateTransactionId(trx: Trx, type: TransactionType): Promise<string> {
  const { value } = await trx
    .insertInto('counters')
    .values({ name: `transaction.${type}`, value: FIRST_TRANSACTION_NUMBER })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return formatTransactionId(type, value);
}
