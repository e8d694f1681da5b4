import type { Generated, Insertable, Selectable } from 'kysely';
import type { ContactMethodType } from '../../core/contact-methods.js';

/** Customers and vendors share one shape. */
export interface PartiesTable {
  id: Generated<number>;
  name: string;
  company_name: string | null;
  created_at: string;
  updated_at: string;
}
export type PartyRow = Selectable<PartiesTable>;

export interface ContactMethodsTable {
  id: Generated<number>;
  customer_id: number | null;
  vendor_id: number | null;
  type: ContactMethodType;
  value: string;
  description: string | null;
  position: number;
  /** For Phone and Cell Phone: the number in E.164, so every spelling of it matches. */
  phone_e164: string | null;
  created_at: string;
}
export type ContactMethodRow = Selectable<ContactMethodsTable>;
export type NewContactMethodRow = Insertable<ContactMethodsTable>;

export interface CustomerContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
  phone_e164: string | null;
}
export type CustomerContactRow = Selectable<CustomerContactsTable>;
