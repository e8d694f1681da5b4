import type { DbOrTrx } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { presentParty } from '../presenters.js';
import type { PartyOut } from '../presenters.js';
import type { PartyKind } from '../schema.js';

export const partyTable = (kind: PartyKind) => (kind === 'customer' ? 'customers' : 'vendors') as 'customers';
export const partyColumn = (kind: PartyKind) => (kind === 'customer' ? 'customer_id' : 'vendor_id') as 'customer_id';
export const partyLabel = (kind: PartyKind) => (kind === 'customer' ? 'Customer' : 'Vendor');

/** A customer or vendor with its Contact Methods (and, for customers, Customer Contacts). */
export async function getParty(db: DbOrTrx, kind: PartyKind, id: number): Promise<PartyOut> {
  const party = await db.selectFrom(partyTable(kind)).selectAll().where('id', '=', id).executeTakeFirst();
  if (!party) throw notFound(partyLabel(kind));
  const [methods, contacts] = await Promise.all([
    db.selectFrom('contact_methods').selectAll().where(partyColumn(kind), '=', id).orderBy('position').orderBy('id').execute(),
    kind === 'customer'
      ? db.selectFrom('customer_contacts').selectAll().where('customer_id', '=', id).orderBy('id').execute()
      : Promise.resolve([]),
  ]);
  return presentParty(kind, party, methods, contacts);
}
