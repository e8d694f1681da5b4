import type { Ctx } from '../../context.js';
import { conflictOnUnique } from '../../db/unique-violation.js';
import { notFound } from '../../errors.js';
import { requireAdmin } from '../../auth/authorize.js';
import type { UserGroupOut } from '../presenters.js';
import { getUserGroup } from '../queries/get-user-group.js';
import type { UserGroupInput } from '../schema.js';
import { assertGroupNameFree, groupNameTaken } from './assert-unique.js';
import { saveGroupMembers } from './save-group-members.js';

/** Replaces a User Group's name, description and complete membership (admins only). */
export async function updateUserGroup(ctx: Ctx, id: number, input: UserGroupInput): Promise<UserGroupOut> {
  requireAdmin(ctx.actor);
  return conflictOnUnique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('user_groups').select('id').where('id', '=', id).executeTakeFirst();
        if (!existing) throw notFound('User group');
        await assertGroupNameFree(trx, input.name, id);
        await trx.updateTable('user_groups').set({ name: input.name, description: input.description }).where('id', '=', id).execute();
        await saveGroupMembers(trx, id, input.memberIds);
        return getUserGroup(trx, id);
      }),
    groupNameTaken(input.name).message,
  );
}
