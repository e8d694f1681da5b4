import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerSide, TransactionType } from '../../../core/transactions';
import { ApiError, api } from './client';
import { conversationKeys, replaceMessage } from './conversations';
import type { Message, PartyKind } from './types';

/** The transaction a message is associated with (`Message.transaction`). */
export type MessageTransaction = NonNullable<Message['transaction']>;

/** What the phone number that sent the message is connected to. */
export type PartyConnection = 'none' | 'customer' | 'vendor' | 'both';

/** One side of the ledger "Create Transaction" offers, with its connected customers or vendors. */
export interface TransactionOptionGroup {
  side: LedgerSide;
  /** e.g. "Customer (A/R)" / "Vendor (A/P)". */
  label: string;
  types: { type: TransactionType; label: string }[];
  /** The connected customers (A/R) or vendors (A/P) of the sender's number; [] when none. */
  parties: { kind: PartyKind; id: number; name: string }[];
}

/** GET /api/conversations/:id/messages/:messageId/transaction-options */
export interface TransactionOptions {
  connection: PartyConnection;
  groups: TransactionOptionGroup[];
}

/** POST /api/conversations/:id/messages/:messageId/transaction: one of customerId, vendorId, newParty. */
export interface CreateMessageTransactionInput {
  type: TransactionType;
  customerId?: number;
  vendorId?: number;
  /** A customer (A/R) or vendor (A/P) to create with this name, instead of an existing one. */
  newParty?: { name: string };
}

export interface CreatedMessageTransaction {
  transaction: MessageTransaction;
  message: Message;
}

export const messageTransactionKeys = {
  // Under the conversation's key: whatever invalidates the conversation refreshes these too.
  options: (conversationId: number, messageId: number) =>
    ['conversation', conversationId, 'message', messageId, 'transaction-options'] as const,
};

const base = (conversationId: number, messageId: number) =>
  `/api/conversations/${conversationId}/messages/${messageId}`;

/**
 * The transaction types (grouped A/R, A/P) offered for a message, and the customers / vendors
 * its number is connected to. Asked afresh at every opening of the menu (connections change in
 * the Contact Card), showing the previous answer meanwhile.
 */
export function useTransactionOptions(conversationId: number, messageId: number, enabled = true) {
  return useQuery({
    queryKey: messageTransactionKeys.options(conversationId, messageId),
    queryFn: ({ signal }) =>
      api.get<TransactionOptions>(`${base(conversationId, messageId)}/transaction-options`, signal),
    enabled,
    staleTime: 0,
  });
}

/**
 * Creates a transaction from the message (its text as the memo) for a customer or vendor, tags the
 * conversation with it and associates the message. The server also sends `message.updated` and
 * `conversation.updated`; the answer updates the cache at once.
 */
export function useCreateMessageTransaction(conversationId: number, messageId: number) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: conversationKeys.one(conversationId) });
    void qc.invalidateQueries({ queryKey: conversationKeys.lists });
  };
  return useMutation({
    mutationFn: (input: CreateMessageTransactionInput) =>
      api.post<CreatedMessageTransaction>(`${base(conversationId, messageId)}/transaction`, input),
    onSuccess: (r) => {
      const m = r.message ? { ...r.message, transaction: r.message.transaction ?? r.transaction } : null;
      if (!m || !replaceMessage(qc, { ...m, conversationId: m.conversationId ?? conversationId }))
        void qc.invalidateQueries({ queryKey: conversationKeys.messages(conversationId) });
      refresh();
      // A new customer or vendor may have been made; the transaction lists gain one.
      void qc.invalidateQueries({ queryKey: ['transactions'] });
      void qc.invalidateQueries({ queryKey: ['parties'] });
    },
    onError: (err) => {
      // Already associated (409): show the transaction it has.
      if (err instanceof ApiError && err.status === 409) {
        void qc.invalidateQueries({ queryKey: conversationKeys.messages(conversationId) });
        refresh();
      }
    },
  });
}
