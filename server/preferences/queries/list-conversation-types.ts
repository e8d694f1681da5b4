import type { DbOrTrx } from '../../db/schema.js';
import { presentConversationType } from '../presenters.js';

/** Conversation Types in picker order (position, then name); active ones unless asked otherwise. */
export async function listConversationTypes(db: DbOrTrx, input: { includeInactive: boolean }) {
  let query = db.selectFrom('conversation_types').selectAll();
  if (!input.includeInactive) query = query.where('active', '=', 1);
  const rows = await query.orderBy('position').orderBy('name').orderBy('id').execute();
  return { items: rows.map(presentConversationType) };
}
