import type { Services } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import type { UserRow } from '../../users/users.table.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { hashToken, newToken } from '../tokens.js';

export interface LogInInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export interface LogInResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: UserRow;
}

// Verifying against a real hash when the user does not exist keeps response times alike,
// so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/**
 * Signs a user in. After `loginMaxFailures` failed attempts for a username (or ten times that
 * from one address) within the lock window, further attempts are refused until the window passes.
 */
export async function logIn(s: Services, input: LogInInput): Promise<LogInResult> {
  const username = input.username.trim().toLowerCase();
  const now = s.clock.now();
  const windowStart = new Date(now.getTime() - s.config.loginLockMs).toISOString();

  const [byUser, byIp] = await Promise.all([
    s.db.selectFrom('login_attempts').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', '=', username).where('succeeded', '=', 0).where('at', '>', windowStart)
      .executeTakeFirstOrThrow(),
    s.db.selectFrom('login_attempts').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', input.ip).where('succeeded', '=', 0).where('at', '>', windowStart)
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(byUser.n) >= s.config.loginMaxFailures || Number(byIp.n) >= s.config.loginMaxFailures * 10) {
    const minutes = Math.ceil(s.config.loginLockMs / 60_000);
    throw new AppError(
      'LOGIN_THROTTLED',
      `Too many failed sign-in attempts. Try again in ${minutes} minutes.`,
    );
  }

  const user = await s.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = user
    ? user.active === 1 && (await verifyPassword(input.password, user.password_hash))
    : (await verifyPassword(input.password, await (dummyHash ??= hashPassword('not-a-user'))), false);

  await s.db
    .insertInto('login_attempts')
    .values({ username, ip: input.ip, succeeded: ok ? 1 : 0, at: now.toISOString() })
    .execute();
  if (!ok || !user) throw new AppError('INVALID_CREDENTIALS', 'The username or password is incorrect.');

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + s.config.sessionTtlMs).toISOString();
  await s.db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: isoNow(s.clock),
      expires_at: expiresAt,
      last_seen_at: isoNow(s.clock),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt, user };
}
