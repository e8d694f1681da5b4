/** Transaction types, grouped by side of the ledger: A/R for customers, A/P for vendors. */
export const TRANSACTION_TYPES = {
  quote: { label: 'Quote', prefix: 'QT', side: 'AR' },
  sales_order: { label: 'Sales Order', prefix: 'SO', side: 'AR' },
  invoice: { label: 'Invoice', prefix: 'INV', side: 'AR' },
  purchase_order: { label: 'Purchase Order', prefix: 'PO', side: 'AP' },
  vendor_bill: { label: 'Vendor Bill', prefix: 'VB', side: 'AP' },
} as const;

export type TransactionType = keyof typeof TRANSACTION_TYPES;
export type LedgerSide = 'AR' | 'AP';
export const TRANSACTION_TYPE_KEYS = Object.keys(TRANSACTION_TYPES) as TransactionType[];

export const TRANSACTION_STATUSES = ['open', 'closed', 'void'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** The party a transaction type belongs to: customers for A/R, vendors for A/P. */
export function partyKindFor(type: TransactionType): 'customer' | 'vendor' {
  return TRANSACTION_TYPES[type].side === 'AR' ? 'customer' : 'vendor';
}

/** The first number issued for each type; Transaction IDs read like SO-10001. */
export const FIRST_TRANSACTION_NUMBER = 10001;

export function formatTransactionId(type: TransactionType, n: number): string {
  return `${TRANSACTION_TYPES[type].prefix}-${n}`;
}
