import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { withId } from './dialect.js';

/**
 * Texting: phone endpoints of conversations, the delivery outbox (one row per recipient of an
 * outbound message), the inbound webhook inbox, Twilio settings, and per-sender send slots.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('messages').addColumn('direction', 'text', (c) => c.notNull().defaultTo('internal')).execute();
  await s.alterTable('messages').addColumn('phone_number', 'text').execute();

  await s
    .createTable('conversation_endpoints')
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('phone_number', 'text', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_endpoints_pk', ['conversation_id', 'phone_number'])
    .execute();
  await s.createIndex('conversation_endpoints_phone_idx').on('conversation_endpoints').columns(['phone_number', 'conversation_id']).execute();

  await withId(db, s.createTable('deliveries'))
    .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed')`),
    )
    .addColumn('status_rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('provider_sid', 'text', (c) => c.unique())
    .addColumn('sender', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempt_started_at', 'text')
    .addColumn('outcome_unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'integer')
    .addColumn('error_reason', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('final_at', 'text')
    .execute();
  await s.createIndex('deliveries_message_idx').on('deliveries').column('message_id').execute();
  await s.createIndex('deliveries_due_idx').on('deliveries').columns(['status', 'next_attempt_at']).execute();

  await withId(db, s.createTable('inbound_messages'))
    .addColumn('provider_sid', 'text', (c) => c.notNull().unique())
    .addColumn('account_sid', 'text')
    .addColumn('from_number', 'text', (c) => c.notNull())
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('num_media', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message_id', 'integer', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('error', 'text')
    .execute();
  await s.createIndex('inbound_messages_pending_idx').on('inbound_messages').columns(['processed_at', 'id']).execute();

  await s
    .createTable('twilio_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('account_sid', 'text')
    .addColumn('auth_token_secret', 'text')
    .addColumn('api_key_sid', 'text')
    .addColumn('api_key_secret', 'text')
    .addColumn('messaging_service_sid', 'text')
    .addColumn('from_number', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await s
    .createTable('send_slots')
    .addColumn('sender', 'text', (c) => c.primaryKey())
    .addColumn('next_slot_ms', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['send_slots', 'twilio_settings', 'inbound_messages', 'deliveries', 'conversation_endpoints']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('messages').dropColumn('phone_number').execute();
  await db.schema.alterTable('messages').dropColumn('direction').execute();
}
