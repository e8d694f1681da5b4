import type { Generated, Selectable } from 'kysely';
import type { TransactionStatus, TransactionType } from '../../core/transactions.js';

export interface TransactionsTable {
  id: Generated<number>;
  /** The human-readable Transaction ID, e.g. SO-10042. */
  transaction_id: string;
  type: TransactionType;
  customer_id: number | null;
  vendor_id: number | null;
  status: TransactionStatus;
  date: string;
  total_cents: number;
  memo: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export type TransactionRow = Selectable<TransactionsTable>;

export interface CountersTable {
  name: string;
  value: number;
}
