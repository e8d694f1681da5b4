import type { DbOrTrx } from '../../../db/schema.js';
import { notFound } from '../../../errors.js';
import { presentTransaction } from '../presenters.js';
import type { TransactionOut } from '../presenters.js';
import { selectTransactions } from './select-transactions.js';

/** One transaction by its database id. */
export async function getTransaction(db: DbOrTrx, id: number): Promise<TransactionOut> {
  const row = await selectTransactions(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Transaction');
  return presentTransaction(row);
}
