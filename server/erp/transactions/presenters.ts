import { z } from 'zod';
import { TRANSACTION_STATUSES, TRANSACTION_TYPES, TRANSACTION_TYPE_KEYS, partyKindFor } from '../../../core/transactions.js';
import type { TransactionRow } from '../transactions.table.js';
import { transactionType } from './schema.js';

const side = z.enum(['AR', 'AP']);
const partyKind = z.enum(['customer', 'vendor']);

export const transactionOut = z.object({
  id: z.number(),
  /** The human-readable Transaction ID, e.g. SO-10001. */
  transactionId: z.string(),
  type: transactionType,
  typeLabel: z.string(),
  side,
  party: z.object({ kind: partyKind, id: z.number(), name: z.string() }),
  status: z.enum(TRANSACTION_STATUSES),
  date: z.string(),
  totalCents: z.number(),
  memo: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TransactionOut = z.infer<typeof transactionOut>;

/** A transaction row with its party's name joined in. */
export type TransactionWithParty = TransactionRow & { party_name: string | null };

export function presentTransaction(t: TransactionWithParty): TransactionOut {
  const info = TRANSACTION_TYPES[t.type];
  return {
    id: t.id,
    transactionId: t.transaction_id,
    type: t.type,
    typeLabel: info.label,
    side: info.side,
    party: { kind: partyKindFor(t.type), id: (t.customer_id ?? t.vendor_id)!, name: t.party_name ?? '' },
    status: t.status,
    date: t.date,
    totalCents: t.total_cents,
    memo: t.memo,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export const transactionTypeOut = z.object({
  type: transactionType,
  label: z.string(),
  /** The prefix of its Transaction IDs, e.g. SO. */
  prefix: z.string(),
  side,
  partyKind,
});

/** The fixed list of transaction types, in ledger order (A/R first). */
export function presentTransactionTypes() {
  return {
    items: TRANSACTION_TYPE_KEYS.map((type) => {
      const info = TRANSACTION_TYPES[type];
      return { type, label: info.label, prefix: info.prefix, side: info.side, partyKind: partyKindFor(type) };
    }),
  };
}
