import type { Selectable } from 'kysely';

/** The external phone numbers (E.164) a conversation texts. */
export interface ConversationEndpointsTable {
  conversation_id: number;
  phone_number: string;
  added_by: number | null;
  created_at: string;
}
export type ConversationEndpointRow = Selectable<ConversationEndpointsTable>;
