import type { DbOrTrx } from '../../db/schema.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { oneE164 } from '../phone-input.js';
import { presentConsentEvent, presentContactCard } from '../presenters.js';
import type { ContactCardOut } from '../presenters.js';

/** Reads a phone number from a URL in any spelling; E.164 or INVALID_PHONE_NUMBER. */
export const normaliseNumber = (db: DbOrTrx, input: string) => oneE164(db, input, 'params.number');

/** Customers and vendors whose Contact Methods or Customer Contacts hold the number. */
export async function partiesWithNumber(db: DbOrTrx, number: string): Promise<ContactCardOut['links']> {
  const [customers, vendors, contacts] = await Promise.all([
    db.selectFrom('contact_methods').innerJoin('customers', 'customers.id', 'contact_methods.customer_id')
      .select(['customers.id', 'customers.name', 'contact_methods.type']).where('contact_methods.phone_e164', '=', number).execute(),
    db.selectFrom('contact_methods').innerJoin('vendors', 'vendors.id', 'contact_methods.vendor_id')
      .select(['vendors.id', 'vendors.name', 'contact_methods.type']).where('contact_methods.phone_e164', '=', number).execute(),
    db.selectFrom('customer_contacts').innerJoin('customers', 'customers.id', 'customer_contacts.customer_id')
      .select(['customers.id', 'customers.name', 'customer_contacts.name as contact']).where('customer_contacts.phone_e164', '=', number).execute(),
  ]);
  const links = new Map<string, ContactCardOut['links'][number]>();
  for (const c of customers) links.set(`customer:${c.id}`, { kind: 'customer', id: c.id, name: c.name, via: c.type });
  for (const c of contacts) if (!links.has(`customer:${c.id}`)) links.set(`customer:${c.id}`, { kind: 'customer', id: c.id, name: c.name, via: `Contact: ${c.contact}` });
  for (const v of vendors) links.set(`vendor:${v.id}`, { kind: 'vendor', id: v.id, name: v.name, via: v.type });
  return [...links.values()];
}

/** The Contact Card of a number: its stored details, or an empty card when none are stored yet. */
export async function getContactCard(db: DbOrTrx, number: string): Promise<ContactCardOut> {
  const [{ defaultRegion }, card, links] = await Promise.all([
    getPreferences(db),
    db.selectFrom('phone_contacts').selectAll().where('phone_number', '=', number).executeTakeFirst(),
    partiesWithNumber(db, number),
  ]);
  return presentContactCard(number, card, defaultRegion, links);
}

/** The number's consent ledger, oldest first. */
export async function consentHistory(db: DbOrTrx, number: string) {
  const rows = await db
    .selectFrom('consent_events')
    .leftJoin('users', 'users.id', 'consent_events.user_id')
    .selectAll('consent_events')
    .select('users.name as user_name')
    .where('consent_events.phone_number', '=', number)
    .orderBy('consent_events.id')
    .execute();
  return rows.map((r) => presentConsentEvent(r, r.user_name));
}
