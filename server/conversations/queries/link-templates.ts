import { expandTemplate } from '../../../core/link-templates.js';
import type { LinkValues } from '../../../core/link-templates.js';
import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { findVisibleConversation } from './visibility.js';

export interface LinkChoice {
  name: string;
  template: string;
  /** The link filled in for this conversation; null when a value is missing. */
  url: string | null;
  disabledReason: string | null;
}

/** One value, or why there is none to use (several candidates). */
function single(values: string[], several: string): string | { unavailable: string } | undefined {
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0]!;
  return { unavailable: several };
}

/**
 * The values a conversation fills link templates with: its tagged transaction's ID, and the
 * customer / vendor tagged in it or owning that transaction.
 */
export async function linkValuesOf(db: DbOrTrx, conversationId: number): Promise<LinkValues> {
  const tags = await db.selectFrom('conversation_tags').select(['kind', 'ref_id']).where('conversation_id', '=', conversationId).execute();
  const ids = (kind: string) => tags.filter((t) => t.kind === kind).map((t) => t.ref_id);
  const transactions = ids('transaction').length
    ? await db.selectFrom('transactions').select(['transaction_id', 'customer_id', 'vendor_id']).where('id', 'in', ids('transaction')).orderBy('transaction_id').execute()
    : [];
  const customers = [...new Set([...ids('customer'), ...transactions.map((t) => t.customer_id).filter((v): v is number => v !== null)])];
  const vendors = [...new Set([...ids('vendor'), ...transactions.map((t) => t.vendor_id).filter((v): v is number => v !== null)])];
  return {
    transactionId: single(transactions.map((t) => t.transaction_id), `This conversation is linked to several transactions (${transactions.map((t) => t.transaction_id).join(', ')}).`),
    customerId: single(customers.map(String), 'This conversation is linked to several customers.'),
    vendorId: single(vendors.map(String), 'This conversation is linked to several vendors.'),
  };
}

/** The Company's custom links, filled in for a conversation the actor can see. */
export async function linkChoices(db: DbOrTrx, actor: Actor, conversationId: number): Promise<LinkChoice[]> {
  await findVisibleConversation(db, actor, conversationId);
  const [prefs, values] = await Promise.all([getPreferences(db), linkValuesOf(db, conversationId)]);
  return prefs.linkTemplates.map((t) => {
    const expanded = expandTemplate(t.url, values);
    return { name: t.name, template: t.url, url: expanded.ok ? expanded.url : null, disabledReason: expanded.ok ? null : expanded.reason };
  });
}
