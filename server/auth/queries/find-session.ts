import type { Actor, Services } from '../../context.js';
import { hashToken } from '../tokens.js';

export interface ActiveSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: string;
}

const REFRESH_AFTER_MS = 5 * 60_000;

/**
 * Resolves a session cookie to its user. Sessions slide: one seen again after five minutes has
 * its expiry pushed out, so an active user is not signed out mid-shift.
 */
export async function findSession(s: Services, token: string): Promise<ActiveSession | null> {
  const id = hashToken(token);
  const now = s.clock.now();
  const row = await s.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at',
      'users.id', 'users.username', 'users.name', 'users.role', 'users.active',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.active !== 1 || row.expires_at <= now.toISOString()) return null;
  let expiresAt = row.expires_at;
  if (now.getTime() - Date.parse(row.last_seen_at) > REFRESH_AFTER_MS) {
    expiresAt = new Date(now.getTime() + s.config.sessionTtlMs).toISOString();
    await s.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }
  return {
    actor: { id: row.id, username: row.username, name: row.name, role: row.role },
    csrfToken: row.csrf_token,
    expiresAt,
  };
}
