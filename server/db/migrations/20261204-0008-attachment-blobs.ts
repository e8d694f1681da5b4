import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * Attachment files kept in the database (ATTACHMENT_STORE=database, the default on PostgreSQL),
 * so every instance behind a load balancer reads the same files without a shared disk.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('bytes', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_blobs').ifExists().execute();
}
