import type { Generated, Selectable } from 'kysely';
import type { ConsentState } from '../../core/consent.js';

/** The Contact Card: everything tied to one external phone number (unique). */
export interface PhoneContactsTable {
  id: Generated<number>;
  /** E.164, the card's identity. */
  phone_number: string;
  name: string | null;
  company_name: string | null;
  /** How the number shows in conversations. */
  label: string | null;
  notes: string | null;
  texting_disabled: Generated<number>;
  consent_state: Generated<ConsentState>;
  consent_at: string | null;
  created_at: string;
  updated_at: string;
}
export type PhoneContactRow = Selectable<PhoneContactsTable>;

/** The consent ledger: append-only, one row per change of a number's state. */
export interface ConsentEventsTable {
  id: Generated<number>;
  phone_number: string;
  /** opted_in, pending, opted_out, resubscribed, texting_disabled, texting_enabled. */
  event: string;
  state_after: ConsentState;
  /** verbal, text, keyword, initiated_by_phone, provider, staff. */
  method: string;
  user_id: number | null;
  inbound_message_id: number | null;
  /** The script read, the message sent or received. */
  text: string | null;
  created_at: string;
}
export type ConsentEventRow = Selectable<ConsentEventsTable>;
