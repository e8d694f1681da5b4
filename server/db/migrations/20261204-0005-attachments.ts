import type { Kysely } from 'kysely';
import { withId } from './dialect.js';

/**
 * Message attachments: uploaded files (one per outbound/internal attachment message), inbound
 * MMS media fetched from Twilio, the MMS-ready variant and thumbnail of pictures, download links
 * and every time one was opened. `messages.sms_body` / `media_url` hold what is texted when it
 * differs from what staff see (an attachment message's link text, its signed media URL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('messages').addColumn('sms_body', 'text').execute();
  await s.alterTable('messages').addColumn('media_url', 'text').execute();

  await withId(db, s.createTable('attachments'))
    .addColumn('message_id', 'integer', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sha256', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('thumbnail_key', 'text')
    .addColumn('mms_key', 'text')
    .addColumn('mms_content_type', 'text')
    .addColumn('mms_size', 'integer')
    .addColumn('mms_ok', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('texting_note', 'text')
    .addColumn('send_as', 'text')
    .addColumn('link_token_hash', 'text', (c) => c.unique())
    .addColumn('link_expires_at', 'text')
    .addColumn('source_url', 'text')
    .addColumn('fetch_status', 'text')
    .addColumn('fetch_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fetch_error', 'text')
    .addColumn('next_fetch_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await s.createIndex('attachments_message_idx').on('attachments').columns(['message_id', 'position']).execute();
  await s.createIndex('attachments_fetch_idx').on('attachments').columns(['fetch_status', 'next_fetch_at']).execute();
  await s.createIndex('attachments_unsent_idx').on('attachments').columns(['message_id', 'created_at']).execute();

  await withId(db, s.createTable('attachment_opens'))
    .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .execute();
  await s.createIndex('attachment_opens_attachment_idx').on('attachment_opens').columns(['attachment_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_opens').ifExists().execute();
  await db.schema.dropTable('attachments').ifExists().execute();
  await db.schema.alterTable('messages').dropColumn('media_url').execute();
  await db.schema.alterTable('messages').dropColumn('sms_body').execute();
}
