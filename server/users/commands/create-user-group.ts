import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { conflictOnUnique } from '../../db/unique-violation.js';
import { requireAdmin } from '../../auth/authorize.js';
import type { UserGroupOut } from '../presenters.js';
import { getUserGroup } from '../queries/get-user-group.js';
import type { UserGroupInput } from '../schema.js';
import { assertGroupNameFree, groupNameTaken } from './assert-unique.js';
import { saveGroupMembers } from './save-group-members.js';

/** Adds a User Group with its members (admins only). */
export async function createUserGroup(ctx: Ctx, input: UserGroupInput): Promise<UserGroupOut> {
  requireAdmin(ctx.actor);
  return conflictOnUnique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await assertGroupNameFree(trx, input.name);
        const { id } = await trx
          .insertInto('user_groups')
          .values({ name: input.name, description: input.description, created_at: isoNow(ctx.clock) })
          .returning('id')
          .executeTakeFirstOrThrow();
        await saveGroupMembers(trx, id, input.memberIds);
        return getUserGroup(trx, id);
      }),
    groupNameTaken(input.name).message,
  );
}
