import { TRANSACTION_STATUSES, TRANSACTION_TYPES, TRANSACTION_TYPE_KEYS } from '../../../core/transactions';
import type { TransactionStatus } from '../../../core/transactions';

export const STATUS_LABELS: Record<TransactionStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  void: 'Void',
};
export const STATUS_OPTIONS = TRANSACTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
export const TYPE_OPTIONS = TRANSACTION_TYPE_KEYS.map((t) => ({
  value: t,
  label: TRANSACTION_TYPES[t].label,
  side: TRANSACTION_TYPES[t].side,
}));
