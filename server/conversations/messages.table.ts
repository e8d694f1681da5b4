import type { Generated, Selectable } from 'kysely';

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  author_id: number | null;
  kind: 'user' | 'system';
  body: string;
  created_at: string;
  /** internal: between staff; outbound: texted to the conversation's phones; inbound: from a phone. */
  direction: Generated<'internal' | 'outbound' | 'inbound'>;
  /** For inbound messages, the phone (E.164) that sent it. */
  phone_number: string | null;
  /** 1 while an outbound message waits for its recipients to opt in. */
  held: Generated<number>;
  /** Set when deleted: the content is erased, the placeholder remains. */
  deleted_at: string | null;
  deleted_by: number | null;
  /** What is texted when it differs from `body` (an attachment's download-link text). */
  sms_body: string | null;
  /** The signed URL of the picture an MMS carries. */
  media_url: string | null;
  /** The transaction created from this message ("Create Transaction"). */
  transaction_id: number | null;
}
export type MessageRow = Selectable<MessagesTable>;
