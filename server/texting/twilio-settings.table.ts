import type { Selectable } from 'kysely';

/** The one row (id = 1) of Twilio credentials; secrets are AES-256-GCM ciphertext. */
export interface TwilioSettingsTable {
  id: number;
  account_sid: string | null;
  auth_token_secret: string | null;
  api_key_sid: string | null;
  api_key_secret: string | null;
  messaging_service_sid: string | null;
  from_number: string | null;
  updated_at: string;
  updated_by: number | null;
}
export type TwilioSettingsRow = Selectable<TwilioSettingsTable>;
