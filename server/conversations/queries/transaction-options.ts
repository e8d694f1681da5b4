import { connectionOf, transactionTypeGroups } from '../../../core/transactions.js';
import type { LedgerSide, PartyConnection, TransactionType } from '../../../core/transactions.js';
import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { MessageRow } from '../messages.table.js';
import { findVisibleConversation } from './visibility.js';

export interface ConnectedParty {
  kind: 'customer' | 'vendor';
  id: number;
  name: string;
}

export interface TransactionOptions {
  connection: PartyConnection;
  groups: { side: LedgerSide; label: string; types: { type: TransactionType; label: string }[]; parties: ConnectedParty[] }[];
}

/**
 * The external numbers a message speaks for: the phone that sent an inbound message; for a
 * message texted out, the conversation's numbers; none for an internal message.
 */
export async function numbersOf(db: DbOrTrx, m: MessageRow): Promise<string[]> {
  if (m.direction === 'inbound') return m.phone_number ? [m.phone_number] : [];
  if (m.direction !== 'outbound') return [];
  const rows = await db.selectFrom('conversation_endpoints').select('phone_number').where('conversation_id', '=', m.conversation_id).execute();
  return rows.map((r) => r.phone_number);
}

/** The customers and vendors these numbers belong to: as a Phone/Cell Phone Contact Method, or a Customer Contact's phone. */
export async function partiesOfNumbers(db: DbOrTrx, numbers: string[]): Promise<ConnectedParty[]> {
  if (numbers.length === 0) return [];
  const [methods, contacts] = await Promise.all([
    db.selectFrom('contact_methods').select(['customer_id', 'vendor_id']).where('phone_e164', 'in', numbers).execute(),
    db.selectFrom('customer_contacts').select('customer_id').where('phone_e164', 'in', numbers).execute(),
  ]);
  const customerIds = [...new Set([...methods.map((m) => m.customer_id), ...contacts.map((c) => c.customer_id)].filter((v): v is number => v !== null))];
  const vendorIds = [...new Set(methods.map((m) => m.vendor_id).filter((v): v is number => v !== null))];
  const [customers, vendors] = await Promise.all([
    customerIds.length ? db.selectFrom('customers').select(['id', 'name']).where('id', 'in', customerIds).orderBy('name').execute() : [],
    vendorIds.length ? db.selectFrom('vendors').select(['id', 'name']).where('id', 'in', vendorIds).orderBy('name').execute() : [],
  ]);
  return [...customers.map((c) => ({ kind: 'customer' as const, ...c })), ...vendors.map((v) => ({ kind: 'vendor' as const, ...v }))];
}

/** A message of a conversation the actor sees that a transaction can be created from. */
export async function findMessageForTransaction(db: DbOrTrx, actor: Actor, conversationId: number, messageId: number): Promise<MessageRow> {
  await findVisibleConversation(db, actor, conversationId);
  const m = await db.selectFrom('messages').selectAll().where('id', '=', messageId).where('conversation_id', '=', conversationId).executeTakeFirst();
  if (!m || m.kind !== 'user') throw new AppError('NOT_FOUND', 'That message is not in this conversation.');
  if (m.deleted_at) throw new AppError('CONFLICT', 'That message was deleted.');
  return m;
}

/** What "Create Transaction" offers for a message: the types (filtered by what its number is connected to) and the parties. */
export async function transactionOptions(db: DbOrTrx, actor: Actor, conversationId: number, messageId: number): Promise<TransactionOptions> {
  const m = await findMessageForTransaction(db, actor, conversationId, messageId);
  const parties = await partiesOfNumbers(db, await numbersOf(db, m));
  const connection = connectionOf(parties.filter((p) => p.kind === 'customer').length, parties.filter((p) => p.kind === 'vendor').length);
  return {
    connection,
    groups: transactionTypeGroups(connection).map((g) => ({ ...g, parties: parties.filter((p) => p.kind === (g.side === 'AR' ? 'customer' : 'vendor')) })),
  };
}
