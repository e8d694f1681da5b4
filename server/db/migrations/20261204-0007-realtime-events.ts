import type { Kysely } from 'kysely';
import { withId } from './dialect.js';

/**
 * Realtime events too large for a PostgreSQL NOTIFY payload (8,000 bytes) are passed through this
 * table: the notification carries only the row's id. Rows are removed after a few minutes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('realtime_events'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('realtime_events_created_idx').on('realtime_events').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('realtime_events').ifExists().execute();
}
