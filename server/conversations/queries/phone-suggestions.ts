import { formatPhone } from '../../../core/phone-numbers.js';
import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { findVisibleConversation } from './visibility.js';

export interface PhoneSuggestion {
  phoneNumber: string;
  formatted: string;
  /** Who the number belongs to, e.g. "Ada Lovelace — Cell Phone (mobile)". */
  source: string;
  kind: 'customer' | 'vendor';
  partyId: number;
}

/**
 * Numbers suggested for "Add Phone Number": the Phone and Cell Phone Contact Methods and the
 * Customer Contacts of tagged customers, the Contact Methods of tagged vendors, and those of the
 * customer or vendor of each tagged transaction. Numbers already in the conversation are left out.
 */
export async function phoneSuggestions(db: DbOrTrx, actor: Actor, conversationId: number): Promise<PhoneSuggestion[]> {
  await findVisibleConversation(db, actor, conversationId);
  const [{ defaultRegion }, tags, current] = await Promise.all([
    getPreferences(db),
    db.selectFrom('conversation_tags').select(['kind', 'ref_id']).where('conversation_id', '=', conversationId).execute(),
    db.selectFrom('conversation_endpoints').select('phone_number').where('conversation_id', '=', conversationId).execute(),
  ]);
  const customerIds = new Set(tags.filter((t) => t.kind === 'customer').map((t) => t.ref_id));
  const vendorIds = new Set(tags.filter((t) => t.kind === 'vendor').map((t) => t.ref_id));
  const txIds = tags.filter((t) => t.kind === 'transaction').map((t) => t.ref_id);
  if (txIds.length) {
    for (const t of await db.selectFrom('transactions').select(['customer_id', 'vendor_id']).where('id', 'in', txIds).execute()) {
      if (t.customer_id !== null) customerIds.add(t.customer_id);
      if (t.vendor_id !== null) vendorIds.add(t.vendor_id);
    }
  }
  const out: PhoneSuggestion[] = [];
  const add = (phone: string | null, source: string, kind: 'customer' | 'vendor', partyId: number) => {
    if (phone && !out.some((o) => o.phoneNumber === phone)) out.push({ phoneNumber: phone, formatted: formatPhone(phone, defaultRegion), source, kind, partyId });
  };
  if (customerIds.size) {
    const ids = [...customerIds];
    const methods = await db.selectFrom('contact_methods').innerJoin('customers', 'customers.id', 'contact_methods.customer_id')
      .select(['customers.id', 'customers.name', 'contact_methods.type', 'contact_methods.description', 'contact_methods.phone_e164'])
      .where('contact_methods.customer_id', 'in', ids).where('contact_methods.phone_e164', 'is not', null).orderBy('contact_methods.position').execute();
    for (const m of methods) add(m.phone_e164, `${m.name} — ${m.type}${m.description ? ` (${m.description})` : ''}`, 'customer', m.id);
    const contacts = await db.selectFrom('customer_contacts').innerJoin('customers', 'customers.id', 'customer_contacts.customer_id')
      .select(['customers.id', 'customers.name as customer', 'customer_contacts.name', 'customer_contacts.title', 'customer_contacts.phone_e164'])
      .where('customer_contacts.customer_id', 'in', ids).where('customer_contacts.phone_e164', 'is not', null).orderBy('customer_contacts.id').execute();
    for (const c of contacts) add(c.phone_e164, `${c.name}${c.title ? `, ${c.title}` : ''} — contact of ${c.customer}`, 'customer', c.id);
  }
  if (vendorIds.size) {
    const methods = await db.selectFrom('contact_methods').innerJoin('vendors', 'vendors.id', 'contact_methods.vendor_id')
      .select(['vendors.id', 'vendors.name', 'contact_methods.type', 'contact_methods.description', 'contact_methods.phone_e164'])
      .where('contact_methods.vendor_id', 'in', [...vendorIds]).where('contact_methods.phone_e164', 'is not', null).orderBy('contact_methods.position').execute();
    for (const m of methods) add(m.phone_e164, `${m.name} — ${m.type}${m.description ? ` (${m.description})` : ''}`, 'vendor', m.id);
  }
  const inConversation = new Set(current.map((c) => c.phone_number));
  return out.filter((o) => !inConversation.has(o.phoneNumber));
}
