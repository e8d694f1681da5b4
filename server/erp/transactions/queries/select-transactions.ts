import type { DbOrTrx } from '../../../db/schema.js';

/** Transactions with their party's name: the base every transaction read starts from. */
export function selectTransactions(db: DbOrTrx) {
  return db
    .selectFrom('transactions as t')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('vendors as v', 'v.id', 't.vendor_id')
    .selectAll('t')
    .select((eb) => eb.fn.coalesce('c.name', 'v.name').as('party_name'));
}
