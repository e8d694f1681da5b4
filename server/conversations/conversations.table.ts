import type { Generated, Selectable } from 'kysely';
import type { TagKind } from '../../core/conversations.js';

export interface ConversationsTable {
  id: Generated<number>;
  subject: string;
  type_id: number | null;
  status: 'open' | 'closed';
  created_by: number | null;
  created_at: string;
  updated_at: string;
  last_activity_at: string;
  last_message_id: number | null;
  closed_at: string | null;
  /** The sorted E.164 numbers the conversation texts, comma-joined; unique among open conversations. */
  endpoint_key: string | null;
  /** For an orphan: the Orphan Conversation User Group it landed with (an orphan until claimed_by is set). */
  orphan_group_id: number | null;
  /** Who took the conversation off the orphan group (claimed or was assigned it). */
  claimed_by: number | null;
}
export type ConversationRow = Selectable<ConversationsTable>;

export interface ConversationTagsTable {
  conversation_id: number;
  kind: TagKind;
  ref_id: number;
  added_by: number | null;
  created_at: string;
}
export type ConversationTagRow = Selectable<ConversationTagsTable>;

export interface ConversationReadsTable {
  conversation_id: number;
  user_id: number;
  last_read_message_id: number;
}
