import type { Generated, Selectable } from 'kysely';

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked database does not leak usable sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}
export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: number;
  at: string;
}
export type SessionRow = Selectable<SessionsTable>;
