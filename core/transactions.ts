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

/** What an external phone number is connected to: Customers, Vendors, both or neither. */
export type PartyConnection = 'none' | 'customer' | 'vendor' | 'both';

export function connectionOf(customers: number, vendors: number): PartyConnection {
  if (customers && vendors) return 'both';
  if (customers) return 'customer';
  if (vendors) return 'vendor';
  return 'none';
}

export const SIDE_LABELS: Record<LedgerSide, string> = { AR: 'Customer (A/R)', AP: 'Vendor (A/P)' };

/**
 * The transaction types "Create Transaction" offers: every type for a number connected to
 * nobody (or an internal message); only A/R types once it is connected to a customer, only A/P
 * once connected to a vendor; both groups when connected to both.
 */
export function transactionTypeGroups(connection: PartyConnection): { side: LedgerSide; label: string; types: { type: TransactionType; label: string }[] }[] {
  const sides: LedgerSide[] = connection === 'customer' ? ['AR'] : connection === 'vendor' ? ['AP'] : ['AR', 'AP'];
  return sides.map((side) => ({
    side,
    label: SIDE_LABELS[side],
    types: TRANSACTION_TYPE_KEYS.filter((t) => TRANSACTION_TYPES[t].side === side).map((type) => ({ type, label: TRANSACTION_TYPES[type].label })),
  }));
}
