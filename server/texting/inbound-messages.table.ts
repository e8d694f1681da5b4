import type { Generated, Selectable } from 'kysely';

/** The webhook inbox: every inbound text exactly once (unique MessageSid), with Twilio's raw parameters. */
export interface InboundMessagesTable {
  id: Generated<number>;
  provider_sid: string;
  account_sid: string | null;
  from_number: string;
  to_number: string;
  body: string;
  num_media: Generated<number>;
  /** The webhook's form parameters as JSON, kept verbatim. */
  params: string;
  received_at: string;
  processed_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: Generated<number>;
  message_id: number | null;
  error: string | null;
}
export type InboundMessageRow = Selectable<InboundMessagesTable>;
