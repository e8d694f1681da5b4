import type { Generated, Selectable } from 'kysely';

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  author_id: number | null;
  kind: 'user' | 'system';
  body: string;
  created_at: string;
}
export type MessageRow = Selectable<MessagesTable>;
