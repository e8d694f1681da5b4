import {
  createTransactionCode,
  transactionCodeFileName,
  transactionCodeLabel,
  useTransactionCodeKind,
} from '../api/transaction-panel';
import type { TransactionCodeKind } from '../api/transaction-panel';
import { attachCreated } from './attachment-store';

/** The transaction whose window the composer sits in (the Conversation Side Panel). */
export interface ComposerTransaction {
  /** The record's id, for POST /api/transactions/:id/code. */
  id: number;
  /** Its Transaction ID as shown, e.g. SO-10001. */
  transactionId: string;
}

/** Vertical bars of varied widths: a Code 128 barcode. */
export function BarcodeIcon() {
  // x and width of each bar, on a 24 × 24 grid.
  const bars: [number, number][] = [
    [3, 1.5],
    [5.5, 1],
    [7.5, 2],
    [10.5, 1],
    [12.5, 1.5],
    [15, 1],
    [17, 2],
    [20, 1],
  ];
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      className="icon"
      data-icon="barcode"
    >
      {bars.map(([x, w]) => (
        <rect key={x} x={x} y={4} width={w} height={16} fill="currentColor" />
      ))}
    </svg>
  );
}

/** The three corner squares of a QR code, and a few modules in the fourth corner. */
export function QrCodeIcon() {
  const finder = (x: number, y: number) => (
    <g key={`${x},${y}`}>
      <rect
        x={x + 0.75}
        y={y + 0.75}
        width={6.5}
        height={6.5}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
      />
      <rect x={x + 2.5} y={y + 2.5} width={3} height={3} fill="currentColor" />
    </g>
  );
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      className="icon"
      data-icon="qr"
    >
      {finder(2, 2)}
      {finder(14, 2)}
      {finder(2, 14)}
      <rect x={14} y={14} width={2.5} height={2.5} fill="currentColor" />
      <rect x={19.5} y={14} width={2.5} height={2.5} fill="currentColor" />
      <rect x={16.75} y={16.75} width={2.5} height={2.5} fill="currentColor" />
      <rect x={14} y={19.5} width={2.5} height={2.5} fill="currentColor" />
      <rect x={19.5} y={19.5} width={2.5} height={2.5} fill="currentColor" />
    </svg>
  );
}

export const TransactionCodeIcon = ({ kind }: { kind: TransactionCodeKind }) =>
  kind === 'barcode' ? <BarcodeIcon /> : <QrCodeIcon />;

interface TransactionCodeButtonProps {
  conversationId: number;
  transaction: ComposerTransaction;
  disabled?: boolean;
  /** Called when the code is put on the list (the composer clears an earlier send refusal). */
  onAttach?: () => void;
}

/**
 * Beside the paper clip in the Conversation Side Panel's composer: the server makes a picture of
 * the window's Transaction ID (barcode or QR code, per Company Preferences) and it goes on the
 * composer's list like an uploaded file. Every click makes a new attachment.
 */
export function TransactionCodeButton({
  conversationId,
  transaction,
  disabled,
  onAttach,
}: TransactionCodeButtonProps) {
  const kind = useTransactionCodeKind();
  const label = transactionCodeLabel(kind, transaction.transactionId);
  return (
    <button
      type="button"
      className="attach-button"
      aria-label={label}
      title={label}
      data-testid="transaction-code-button"
      data-kind={kind}
      disabled={disabled}
      onClick={() => {
        attachCreated(conversationId, transactionCodeFileName(kind, transaction.transactionId), () =>
          createTransactionCode(transaction.id),
        );
        onAttach?.();
      }}
    >
      <TransactionCodeIcon kind={kind} />
    </button>
  );
}
