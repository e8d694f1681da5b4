import type { DbOrTrx } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { presentUserGroup } from '../presenters.js';
import type { UserGroupOut } from '../presenters.js';

/** One User Group with its members, by name. */
export async function getUserGroup(db: DbOrTrx, id: number): Promise<UserGroupOut> {
  const group = await db.selectFrom('user_groups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!group) throw notFound('User group');
  const members = await db
    .selectFrom('user_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.username'])
    .where('m.group_id', '=', id)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return presentUserGroup(group, members);
}
