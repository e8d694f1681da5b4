import { attachmentsOfMessages } from '../../attachments/queries/attachments-of-messages.js';
import type { Clock } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { presentMessage } from '../presenters.js';
import type { MessageOut } from '../presenters.js';

/** One message as every screen shows it (author, deliveries, attachments), for an event; null if gone. */
export async function getMessage(db: DbOrTrx, messageId: number, clock: Clock): Promise<MessageOut | null> {
  const m = await db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .leftJoin('users as deleter', 'deleter.id', 'messages.deleted_by')
    .selectAll('messages')
    .leftJoin('transactions as mtx', 'mtx.id', 'messages.transaction_id')
    .select(['users.name as author_name', 'deleter.name as deleted_by_name', 'mtx.transaction_id as tx_code', 'mtx.type as tx_type'])
    .where('messages.id', '=', messageId)
    .executeTakeFirst();
  if (!m) return null;
  const [deliveries, attachments] = await Promise.all([
    db.selectFrom('deliveries').selectAll().where('message_id', '=', messageId).orderBy('id').execute(),
    attachmentsOfMessages(db, [messageId], clock.now()),
  ]);
  return presentMessage(m, m.author_name, deliveries, m.deleted_by_name, attachments.get(messageId) ?? []);
}
