import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import type { Db } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Db;
  dialect: Dialect;
  /** Resolves when the database answers a trivial query; used by /readyz. */
  ping(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Opens the configured database. SQLite gets WAL, foreign keys and a busy timeout so several
 * readers and one writer coexist; PostgreSQL gets a pool, optionally pinned to one schema.
 */
export function openDatabase(config: DatabaseConfig): Database {
  if (config.dialect === 'sqlite') {
    if (config.filename !== ':memory:') fs.mkdirSync(path.dirname(config.filename), { recursive: true });
    const conn = new SQLite(config.filename);
    conn.pragma('journal_mode = WAL');
    conn.pragma('foreign_keys = ON');
    conn.pragma('busy_timeout = 5000');
    conn.pragma('synchronous = NORMAL');
    const db = new Kysely<never>({ dialect: new SqliteDialect({ database: conn }) }) as unknown as Db;
    return {
      db,
      dialect: 'sqlite',
      ping: async () => void (await sql`select 1`.execute(db)),
      destroy: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}`, application_name: config.schema } : {}),
  });
  const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }) }) as unknown as Db;
  return {
    db,
    dialect: 'postgres',
    ping: async () => void (await sql`select 1`.execute(db)),
    destroy: () => db.destroy(),
  };
}
