import type { Kysely } from 'kysely';

/** Orphan conversations (tagged with the orphan group until claimed or assigned) and deleted messages. */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('conversations').addColumn('orphan_group_id', 'integer', (c) => c.references('user_groups.id')).execute();
  await s.alterTable('conversations').addColumn('claimed_by', 'integer', (c) => c.references('users.id')).execute();
  await s.alterTable('messages').addColumn('deleted_at', 'text').execute();
  await s.alterTable('messages').addColumn('deleted_by', 'integer', (c) => c.references('users.id')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('deleted_by').execute();
  await db.schema.alterTable('messages').dropColumn('deleted_at').execute();
  await db.schema.alterTable('conversations').dropColumn('claimed_by').execute();
  await db.schema.alterTable('conversations').dropColumn('orphan_group_id').execute();
}
