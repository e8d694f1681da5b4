import { sql } from 'kysely';
import type { Expression, RawBuilder, SqlBool } from 'kysely';

/** `%q%` with LIKE wildcards escaped, lower-cased for a case-insensitive match. */
export const containsPattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Case-insensitive "contains" that behaves the same on SQLite and PostgreSQL: both lower-case
 * and both honour the explicit ESCAPE clause (SQLite has no default escape character).
 */
export function ilikeContains(column: Expression<unknown> | RawBuilder<unknown>, q: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${column}) like ${containsPattern(q)} escape '\\'`;
}
