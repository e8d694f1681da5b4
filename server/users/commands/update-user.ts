import { hashPassword } from '../../auth/passwords.js';
import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { conflictOnUnique } from '../../db/unique-violation.js';
import { AppError, notFound } from '../../errors.js';
import { requireAdmin } from '../../auth/authorize.js';
import { presentUser } from '../presenters.js';
import type { UserOut } from '../presenters.js';
import type { UserUpdateInput } from '../schema.js';
import type { UserUpdate } from '../users.table.js';
import { assertUsernameFree, usernameTaken } from './assert-unique.js';

/**
 * Replaces a user's details (admins only); the password changes only when one is given.
 * Deactivating a user ends their sessions at once. Admins cannot demote or deactivate
 * themselves, which also guarantees there is always an active admin left.
 */
export async function updateUser(ctx: Ctx, id: number, input: UserUpdateInput): Promise<UserOut> {
  requireAdmin(ctx.actor);
  if (id === ctx.actor.id && input.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'You cannot remove your own administrator role. Ask another administrator to do it.');
  }
  if (id === ctx.actor.id && !input.active) {
    throw new AppError('FORBIDDEN', 'You cannot deactivate your own account. Ask another administrator to do it.');
  }
  // scrypt is deliberately slow: hash before the transaction so no lock is held meanwhile.
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return conflictOnUnique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
        if (!existing) throw notFound('User');
        await assertUsernameFree(trx, input.username, id);
        const changes: UserUpdate = {
          username: input.username,
          name: input.name,
          email: input.email,
          role: input.role,
          active: input.active ? 1 : 0,
          updated_at: isoNow(ctx.clock),
          ...(passwordHash ? { password_hash: passwordHash } : {}),
        };
        const row = await trx.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        if (!input.active) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        return presentUser(row);
      }),
    usernameTaken(input.username).message,
  );
}
