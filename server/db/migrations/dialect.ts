import { PostgresAdapter, sql } from 'kysely';
import type { CreateTableBuilder, Kysely } from 'kysely';

/** Which SQL dialect a migration runs against; migrations branch only where SQL cannot be shared. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * An integer primary key that only grows: AUTOINCREMENT on SQLite (never reuses ids), SERIAL on
 * PostgreSQL. Message ids double as the time order for search, so they must never be reused.
 */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const nowDefault = sql`CURRENT_TIMESTAMP`;
