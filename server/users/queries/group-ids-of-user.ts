import type { DbOrTrx } from '../../db/schema.js';

/** The ids of the User Groups a user belongs to, ascending; conversations use it for visibility. */
export async function groupIdsOfUser(db: DbOrTrx, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('user_group_members')
    .select('group_id')
    .where('user_id', '=', userId)
    .orderBy('group_id')
    .execute();
  return rows.map((r) => r.group_id);
}
