import type { Trx } from '../../db/schema.js';
import type { MessageRow } from '../messages.table.js';

/**
 * Inserts a message and moves the conversation's last activity to it. Every message, user or
 * system, goes through here so the list order and previews stay right.
 */
export async function appendMessage(
  trx: Trx,
  m: {
    conversationId: number;
    authorId: number | null;
    kind: 'user' | 'system';
    body: string;
    at: string;
    direction?: 'internal' | 'outbound' | 'inbound';
    phoneNumber?: string | null;
    /** What is texted instead of the body (a download link's text). */
    smsBody?: string | null;
    /** Path of the signed media URL an MMS carries (the dispatcher puts the public base URL before it). */
    mediaUrl?: string | null;
  },
): Promise<MessageRow> {
  const row = await trx
    .insertInto('messages')
    .values({
      conversation_id: m.conversationId,
      author_id: m.authorId,
      kind: m.kind,
      body: m.body,
      created_at: m.at,
      direction: m.direction ?? 'internal',
      phone_number: m.phoneNumber ?? null,
      sms_body: m.smsBody ?? null,
      media_url: m.mediaUrl ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('conversations')
    .set({ last_message_id: row.id, last_activity_at: m.at, updated_at: m.at })
    .where('id', '=', m.conversationId)
    .execute();
  if (m.authorId !== null && m.kind === 'user') await markReadUpTo(trx, m.conversationId, m.authorId, row.id);
  return row;
}

/** Moves a user's read marker forward (never back) to `messageId`. */
export async function markReadUpTo(trx: Trx, conversationId: number, userId: number, messageId: number) {
  await trx
    .insertInto('conversation_reads')
    .values({ conversation_id: conversationId, user_id: userId, last_read_message_id: messageId })
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'user_id']).doUpdateSet({ last_read_message_id: messageId }).where('conversation_reads.last_read_message_id', '<', messageId),
    )
    .execute();
}
