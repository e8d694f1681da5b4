import type { DbOrTrx } from '../../../db/schema.js';
import { ilikeContains } from '../../../db/sql-helpers.js';
import { presentTransaction } from '../presenters.js';
import type { TransactionListInput } from '../schema.js';
import { selectTransactions } from './select-transactions.js';

/**
 * Transactions newest first (by date, then by creation), optionally of one type or one party;
 * `q` matches the Transaction ID, the memo or the party's name.
 */
export async function listTransactions(db: DbOrTrx, input: TransactionListInput) {
  let query = selectTransactions(db);
  if (input.type) query = query.where('t.type', '=', input.type);
  if (input.customerId) query = query.where('t.customer_id', '=', input.customerId);
  if (input.vendorId) query = query.where('t.vendor_id', '=', input.vendorId);
  const q = input.q?.trim();
  if (q) {
    query = query.where((eb) =>
      eb.or([
        ilikeContains(eb.ref('t.transaction_id'), q),
        ilikeContains(eb.ref('t.memo'), q),
        ilikeContains(eb.ref('c.name'), q),
        ilikeContains(eb.ref('v.name'), q),
      ]),
    );
  }
  const rows = await query.orderBy('t.date', 'desc').orderBy('t.id', 'desc').limit(input.limit + 1).offset(input.offset).execute();
  return { items: rows.slice(0, input.limit).map(presentTransaction), hasMore: rows.length > input.limit };
}
