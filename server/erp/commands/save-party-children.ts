import { isPhoneContactMethod } from '../../../core/contact-methods.js';
import { toE164 } from '../../contacts/phone-input.js';
import type { Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { partyColumn } from '../queries/get-party.js';
import type { PartyInput, PartyKind } from '../schema.js';

/**
 * Brings a party's Contact Methods and Customer Contacts in line with the submitted grid: rows
 * with an id are updated, rows without are added, rows no longer present are removed.
 */
export async function saveChildren(trx: Trx, kind: PartyKind, partyId: number, input: PartyInput, now: string) {
  // Phone and Cell Phone methods and contacts' phones, normalised (all invalid ones refused at once).
  const phones = [
    ...input.contactMethods.flatMap((m, i) => (isPhoneContactMethod(m.type) ? [{ key: `m${i}`, value: m.value, field: `body.contactMethods.${i}.value` }] : [])),
    ...input.contacts.flatMap((c, i) => (c.phone ? [{ key: `c${i}`, value: c.phone, field: `body.contacts.${i}.phone` }] : [])),
  ];
  const normalised = await toE164(trx, phones);
  const e164 = new Map(phones.map((p, i) => [p.key, normalised[i]!]));
  if (kind === 'vendor' && input.contacts.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Vendors have Contact Methods only, not Customer Contacts.', {
      fields: [{ field: 'body.contacts', message: 'must be empty for a vendor' }],
    });
  }
  const col = partyColumn(kind);
  const existing = await trx.selectFrom('contact_methods').select('id').where(col, '=', partyId).execute();
  const existingIds = new Set(existing.map((r) => r.id));
  const keep = new Set<number>();
  for (const [position, m] of input.contactMethods.entries()) {
    const values = { type: m.type, value: m.value, description: m.description, position, phone_e164: e164.get(`m${position}`) ?? null };
    if (m.id !== undefined) {
      if (!existingIds.has(m.id)) throw new AppError('NOT_FOUND', `Contact method ${m.id} does not belong to this ${kind}.`);
      keep.add(m.id);
      await trx.updateTable('contact_methods').set(values).where('id', '=', m.id).execute();
    } else {
      await trx
        .insertInto('contact_methods')
        .values({
          ...values,
          customer_id: kind === 'customer' ? partyId : null,
          vendor_id: kind === 'vendor' ? partyId : null,
          created_at: now,
        })
        .execute();
    }
  }
  const removed = [...existingIds].filter((id) => !keep.has(id));
  if (removed.length) await trx.deleteFrom('contact_methods').where('id', 'in', removed).execute();

  if (kind !== 'customer') return;
  const existingContacts = await trx.selectFrom('customer_contacts').select('id').where('customer_id', '=', partyId).execute();
  const contactIds = new Set(existingContacts.map((r) => r.id));
  const keepContacts = new Set<number>();
  for (const [i, c] of input.contacts.entries()) {
    const values = { name: c.name, title: c.title, phone: c.phone, email: c.email, phone_e164: e164.get(`c${i}`) ?? null };
    if (c.id !== undefined) {
      if (!contactIds.has(c.id)) throw new AppError('NOT_FOUND', `Customer contact ${c.id} does not belong to this customer.`);
      keepContacts.add(c.id);
      await trx.updateTable('customer_contacts').set(values).where('id', '=', c.id).execute();
    } else {
      await trx.insertInto('customer_contacts').values({ ...values, customer_id: partyId, created_at: now }).execute();
    }
  }
  const removedContacts = [...contactIds].filter((id) => !keepContacts.has(id));
  if (removedContacts.length) await trx.deleteFrom('customer_contacts').where('id', 'in', removedContacts).execute();
}
