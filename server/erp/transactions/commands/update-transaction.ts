import type { Ctx } from '../../../context.js';
import { isoNow } from '../../../context.js';
import { notFound } from '../../../errors.js';
import type { TransactionOut } from '../presenters.js';
import { getTransaction } from '../queries/get-transaction.js';
import type { TransactionUpdateInput } from '../schema.js';
import { validationFailed } from './party-rules.js';

/**
 * Saves a transaction's status, date, total and memo. Its type and party identify it (the
 * Transaction ID's prefix is the type), so a request that would change them is refused.
 */
export async function updateTransaction(ctx: Ctx, id: number, input: TransactionUpdateInput): Promise<TransactionOut> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('transactions')
      .select(['type', 'customer_id', 'vendor_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!existing) throw notFound('Transaction');
    const fixed = [
      ['type', input.type, existing.type],
      ['customerId', input.customerId, existing.customer_id],
      ['vendorId', input.vendorId, existing.vendor_id],
    ] as const;
    const changed = fixed.filter(([, wanted, current]) => wanted !== undefined && wanted !== current);
    if (changed.length) {
      throw validationFailed(changed.map(([field]) => ({ field: `body.${field}`, message: 'cannot change after the transaction is created' })));
    }
    await trx
      .updateTable('transactions')
      .set({
        status: input.status,
        date: input.date,
        total_cents: input.totalCents,
        memo: input.memo ?? '',
        updated_at: isoNow(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
    return getTransaction(trx, id);
  });
}
