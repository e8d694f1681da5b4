import type { Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';

/**
 * Makes a group's membership exactly `memberIds`: missing users are added, unlisted ones
 * removed. Every id must be an existing user (deactivated users may stay members).
 */
export async function saveGroupMembers(trx: Trx, groupId: number, memberIds: number[]): Promise<void> {
  const wanted = [...new Set(memberIds)];
  if (wanted.length) {
    const found = await trx.selectFrom('users').select('id').where('id', 'in', wanted).execute();
    const known = new Set(found.map((u) => u.id));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new AppError('NOT_FOUND', `No user has the id ${unknown.join(', ')}.`, {
        fields: [{ field: 'body.memberIds', message: `unknown user ${unknown.join(', ')}` }],
      });
    }
  }
  const current = await trx.selectFrom('user_group_members').select('user_id').where('group_id', '=', groupId).execute();
  const have = new Set(current.map((m) => m.user_id));
  const keep = new Set(wanted);
  const removed = [...have].filter((id) => !keep.has(id));
  const added = wanted.filter((id) => !have.has(id));
  if (removed.length) {
    await trx.deleteFrom('user_group_members').where('group_id', '=', groupId).where('user_id', 'in', removed).execute();
  }
  if (added.length) {
    // A concurrent save may have added the same member already; that is the state we want.
    await trx
      .insertInto('user_group_members')
      .values(added.map((userId) => ({ group_id: groupId, user_id: userId })))
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }
}
