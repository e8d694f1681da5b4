import { AppError } from '../errors.js';

/** Whether a driver error is a unique-constraint (or primary-key) violation, on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  // 23505 is PostgreSQL's unique_violation; better-sqlite3 reports SQLite's extended result codes.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Runs `work` (typically a whole transaction) and turns a unique-constraint violation it raises
 * into CONFLICT with `message`. Commands check for duplicates first inside their transaction;
 * this covers the race that check cannot close on PostgreSQL, where two transactions can both
 * see "no duplicate" before either commits. SQLite serializes writers, so it never gets here,
 * and both dialects answer the same.
 */
export async function conflictOnUnique<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', message);
    throw err;
  }
}
