import { hashPassword } from '../../auth/passwords.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { conflictOnUnique } from '../../db/unique-violation.js';
import { requireAdmin } from '../../auth/authorize.js';
import { presentUser } from '../presenters.js';
import type { UserOut } from '../presenters.js';
import type { UserCreateInput } from '../schema.js';
import { assertUsernameFree, usernameTaken } from './assert-unique.js';

/** Adds a user who can sign in with the given password (admins only). */
export async function createUser(ctx: Ctx, input: UserCreateInput): Promise<UserOut> {
  requireAdmin(ctx.actor);
  // scrypt is deliberately slow: hash before the transaction so no lock is held meanwhile.
  const passwordHash = await hashPassword(input.password);
  return conflictOnUnique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await assertUsernameFree(trx, input.username);
        const now = isoNow(ctx.clock);
        const row = await trx
          .insertInto('users')
          .values({
            username: input.username,
            name: input.name,
            email: input.email,
            role: input.role,
            password_hash: passwordHash,
            active: input.active ? 1 : 0,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return presentUser(row);
      }),
    usernameTaken(input.username).message,
  );
}
