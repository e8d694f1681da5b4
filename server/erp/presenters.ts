import { z } from 'zod';
import { CONTACT_METHOD_TYPES } from '../../core/contact-methods.js';
import type { ContactMethodRow, CustomerContactRow, PartyRow } from './parties.table.js';
import type { PartyKind } from './schema.js';

export const contactMethodOut = z.object({
  id: z.number(),
  type: z.enum(CONTACT_METHOD_TYPES),
  value: z.string(),
  description: z.string().nullable(),
  /** Phone and Cell Phone: the number in E.164 (what the Contact Card is keyed by). */
  phoneNumber: z.string().nullable(),
});
export const customerContactOut = z.object({
  id: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  phoneNumber: z.string().nullable(),
});
export const partySummaryOut = z.object({
  id: z.number(),
  kind: z.enum(['customer', 'vendor']),
  name: z.string(),
  companyName: z.string().nullable(),
  updatedAt: z.string(),
});
export const partyOut = partySummaryOut.extend({
  createdAt: z.string(),
  contactMethods: z.array(contactMethodOut),
  contacts: z.array(customerContactOut),
});
export type PartyOut = z.infer<typeof partyOut>;

export function presentPartySummary(kind: PartyKind, p: PartyRow) {
  return { id: p.id, kind, name: p.name, companyName: p.company_name, updatedAt: p.updated_at };
}

export function presentParty(
  kind: PartyKind,
  p: PartyRow,
  methods: ContactMethodRow[],
  contacts: CustomerContactRow[],
): PartyOut {
  return {
    ...presentPartySummary(kind, p),
    createdAt: p.created_at,
    contactMethods: methods.map((m) => ({ id: m.id, type: m.type, value: m.value, description: m.description, phoneNumber: m.phone_e164 })),
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, phone: c.phone, email: c.email, phoneNumber: c.phone_e164 })),
  };
}
