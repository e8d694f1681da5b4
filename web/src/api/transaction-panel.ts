import { useCompany } from './auth';
import { api } from './client';
import type { Attachment } from './types';

/** What the transaction's code in a text is (Company Preferences > "Transaction code in texts"). */
export type TransactionCodeKind = 'barcode' | 'qr';

/** The preference until the company says otherwise. */
export const DEFAULT_TRANSACTION_CODE: TransactionCodeKind = 'qr';

export const TRANSACTION_CODE_OPTIONS: readonly { value: TransactionCodeKind; label: string }[] = [
  { value: 'barcode', label: 'Barcode' },
  { value: 'qr', label: 'QR Code' },
];

/** A value from the server as a code kind; anything else is the default. */
export const codeKindOf = (value: unknown): TransactionCodeKind =>
  value === 'barcode' || value === 'qr' ? value : DEFAULT_TRANSACTION_CODE;

/** The company's choice of barcode or QR code (GET /api/company). */
export function useTransactionCodeKind(): TransactionCodeKind {
  return codeKindOf(useCompany().data?.transactionCode);
}

/** "Attach QR code of SO-10001" / "Attach barcode of SO-10001". */
export const transactionCodeLabel = (kind: TransactionCodeKind, transactionId: string): string =>
  `Attach ${kind === 'barcode' ? 'barcode' : 'QR code'} of ${transactionId}`;

/** The name the server gives the picture, shown until it answers: "SO-10001-qr.png". */
export const transactionCodeFileName = (kind: TransactionCodeKind, transactionId: string): string =>
  `${transactionId}-${kind}.png`;

/**
 * Makes a PNG of the transaction's Transaction ID (QR code or Code 128 barcode, per the
 * preference), stored as the user's unsent upload: it goes on the composer's list like a file.
 */
export const createTransactionCode = (transactionId: number): Promise<Attachment> =>
  api.post<Attachment>(`/api/transactions/${transactionId}/code`);
