import type { Generated, Selectable } from 'kysely';

export interface CompanyPreferencesTable {
  key: string;
  /** JSON text; each key's shape is fixed by the schema in preferences.ts. */
  value: string;
  updated_at: string;
  updated_by: number | null;
}
export interface ConversationTypesTable {
  id: Generated<number>;
  name: string;
  active: number;
  position: number;
}
export type ConversationTypeRow = Selectable<ConversationTypesTable>;
