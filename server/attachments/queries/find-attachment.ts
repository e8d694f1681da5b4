import { sql } from 'kysely';
import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { visibilitySql } from '../../conversations/queries/visibility.js';
import type { AttachmentRow } from '../attachments.table.js';

/**
 * An attachment the actor may read: one in a message of a conversation they can see, or an
 * upload of their own not sent yet. Anything else (including a deleted one) is NOT_FOUND.
 */
export async function findReadableAttachment(db: DbOrTrx, actor: Actor, id: number): Promise<AttachmentRow> {
  const row = await db
    .selectFrom('attachments')
    .leftJoin('messages', 'messages.id', 'attachments.message_id')
    .selectAll('attachments')
    .where('attachments.id', '=', id)
    .where('attachments.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('attachments.message_id', 'is', null), eb('attachments.uploaded_by', '=', actor.id)]),
        eb.and([eb('attachments.message_id', 'is not', null), visibilitySql(actor, sql.ref('messages.conversation_id'))]),
      ]),
    )
    .executeTakeFirst();
  if (!row) throw notFound('Attachment');
  return row;
}
