import { groupBy } from '../../../core/collections.js';
import { attachmentsOfMessages } from '../../attachments/queries/attachments-of-messages.js';
import type { Actor, Clock } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { isPostgres } from '../../db/migrations/dialect.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';
import { findVisibleConversation } from './visibility.js';

/**
 * A page of a conversation's messages, oldest to newest; `before` pages back through a long
 * thread by message id (ids grow with time, so this walks the index, not a sort).
 */
export async function listMessages(
  db: DbOrTrx,
  actor: Actor,
  conversationId: number,
  input: { before?: number; limit: number },
  clock: Clock,
): Promise<{ items: MessageOut[]; hasMore: boolean }> {
  await findVisibleConversation(db, actor, conversationId);
  let q = db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .leftJoin('users as deleter', 'deleter.id', 'messages.deleted_by')
    .selectAll('messages')
    .leftJoin('transactions as mtx', 'mtx.id', 'messages.transaction_id')
    .select(['users.name as author_name', 'deleter.name as deleted_by_name', 'mtx.transaction_id as tx_code', 'mtx.type as tx_type'])
    .where((eb) =>
      // On PostgreSQL `>= and <=` rather than `=`: with an equality it drops conversation_id from the
      // ORDER BY and may walk the primary key back from the newest message of all conversations
      // (0.5 s at a million messages for an old, long thread); as a range only the (conversation_id,
      // id) index gives the order, a short backward scan (0.2 ms). SQLite needs the equality to
      // use `id < before` in that index too.
      isPostgres(db)
        ? eb.and([eb('messages.conversation_id', '>=', conversationId), eb('messages.conversation_id', '<=', conversationId)])
        : eb('messages.conversation_id', '=', conversationId),
    );
  if (input.before) q = q.where('messages.id', '<', input.before);
  const rows = await q.orderBy('messages.conversation_id', 'desc').orderBy('messages.id', 'desc').limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit).reverse();
  const outbound = page.filter((m) => m.direction === 'outbound').map((m) => m.id);
  const deliveries = outbound.length
    ? await db.selectFrom('deliveries').selectAll().where('message_id', 'in', outbound).orderBy('id').execute()
    : [];
  const byMessage = groupBy(deliveries, (d) => d.message_id);
  const attachments = await attachmentsOfMessages(db, page.map((m) => m.id), clock.now());
  return {
    items: page.map((m) => presentMessage(m, m.author_name, byMessage.get(m.id) ?? [], m.deleted_by_name, attachments.get(m.id) ?? [])),
    hasMore: rows.length > input.limit,
  };
}
