import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Db } from './schema.js';
import { migrations } from './migrations/index.js';

/**
 * Applies every pending migration; throws with the failing migration's name and cause.
 * On PostgreSQL the migration bookkeeping tables live in the connection's current schema: left to
 * itself, Kysely would find another schema's bookkeeping tables and skip creating its own.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    migrationTableSchema = rows[0]?.s;
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
