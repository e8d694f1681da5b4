import type { Kysely } from 'kysely';

/** A message can be associated with the transaction created from it ("Create Transaction"). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('transaction_id', 'integer', (c) => c.references('transactions.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('transaction_id').execute();
}
