import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { presentConversationSummary } from '../presenters.js';
import type { ConversationSummaryOut } from '../presenters.js';
import type { ListConversationsQuery } from '../schema.js';
import type { TagKind } from '../../../core/conversations.js';
import { conversationDetails } from './conversation-details.js';
import { visibleTo } from './visibility.js';

const encodeCursor = (at: string, id: number) => Buffer.from(`${at}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: number } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || !/^\d+$/.test(id)) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', { fields: [{ field: 'querystring.cursor', message: 'is not valid' }] });
  return { at, id: Number(id) };
}

/** The viewer's conversations, most recent activity first, paged by keyset cursor. */
export async function listConversations(
  db: DbOrTrx,
  actor: Actor,
  input: ListConversationsQuery,
): Promise<{ items: ConversationSummaryOut[]; nextCursor: string | null }> {
  let q = db.selectFrom('conversations').selectAll().where(visibleTo(actor));
  if (input.status !== 'all') q = q.where('status', '=', input.status);
  if (input.tag) {
    const [kind, refId] = input.tag.split(':') as [TagKind, string];
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('conversation_tags as lt')
          .select('lt.conversation_id')
          .whereRef('lt.conversation_id', '=', 'conversations.id')
          .where('lt.kind', '=', kind)
          .where('lt.ref_id', '=', Number(refId)),
      ),
    );
  }
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    q = q.where((eb) =>
      eb.or([eb('last_activity_at', '<', c.at), eb.and([eb('last_activity_at', '=', c.at), eb('id', '<', c.id)])]),
    );
  }
  const rows = await q.orderBy('last_activity_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit);
  const details = await conversationDetails(db, actor, page);
  const lastRow = page.at(-1);
  return {
    items: details.map(presentConversationSummary),
    nextCursor: rows.length > input.limit && lastRow ? encodeCursor(lastRow.last_activity_at, lastRow.id) : null,
  };
}
