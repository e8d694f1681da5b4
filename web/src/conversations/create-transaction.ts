import type { LedgerSide, TransactionType } from '../../../core/transactions';
import { TRANSACTION_TYPES } from '../../../core/transactions';
import type {
  CreateMessageTransactionInput,
  MessageTransaction,
  TransactionOptionGroup,
} from '../api/message-transactions';
import type { Message, PartyKind } from '../api/types';

/** "Create Transaction" is offered on a user message that is shown, sent (not held) and has none yet. */
export function offersTransaction(m: Message): boolean {
  return m.kind === 'user' && !m.deleted && !m.held && !m.transaction;
}

/** Where the message's transaction chip leads. */
export const transactionPath = (t: Pick<MessageTransaction, 'id'>) => `/transactions/${t.id}`;

/** The type's name, e.g. "Sales Order" (the type key itself for a type this build does not know). */
export function typeLabel(type: TransactionType): string {
  return TRANSACTION_TYPES[type]?.label ?? type;
}

/** A/R transactions belong to customers, A/P ones to vendors. */
export const kindForSide = (side: LedgerSide): PartyKind => (side === 'AR' ? 'customer' : 'vendor');

export const PARTY_WORDS: Record<PartyKind, { one: string; title: string }> = {
  customer: { one: 'customer', title: 'Customer' },
  vendor: { one: 'vendor', title: 'Vendor' },
};

export type Party = TransactionOptionGroup['parties'][number];

/**
 * What choosing a type of the group leads to: one connected party → create for it at once;
 * several → ask which ("Which customer?"); none → pick any, or add a new one.
 */
export type NextStep =
  { step: 'create'; party: Party } | { step: 'choose'; parties: Party[] } | { step: 'pick' };

export function nextStep(group: Pick<TransactionOptionGroup, 'parties'>): NextStep {
  const parties = group.parties ?? [];
  if (parties.length === 1) return { step: 'create', party: parties[0]! };
  if (parties.length > 1) return { step: 'choose', parties };
  return { step: 'pick' };
}

/** The request body creating a transaction of this type for an existing customer or vendor. */
export function forParty(type: TransactionType, kind: PartyKind, id: number): CreateMessageTransactionInput {
  return kind === 'customer' ? { type, customerId: id } : { type, vendorId: id };
}

/** The dialog's choice when the number is connected to nobody: an existing record, or a new one. */
export type PartyChoice = { mode: 'existing'; partyId: number | null } | { mode: 'new'; name: string };

/** The body for the choice, or what is missing (in the server's words for a missing party). */
export function inputForChoice(
  type: TransactionType,
  kind: PartyKind,
  choice: PartyChoice,
): { input: CreateMessageTransactionInput } | { error: string } {
  const word = PARTY_WORDS[kind].one;
  if (choice.mode === 'existing') {
    if (choice.partyId === null) return { error: `Choose the ${word} for this ${typeLabel(type)}.` };
    return { input: forParty(type, kind, choice.partyId) };
  }
  const name = choice.name.trim();
  if (!name) return { error: `Enter the name of the new ${word}.` };
  return { input: { type, newParty: { name } } };
}

/**
 * Keyboard movement in the pop-up menu: the index of the item to focus after `key` (ArrowDown,
 * ArrowUp wrap around; Home, End), or null for a key the menu does not handle.
 */
export function menuIndexAfter(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
