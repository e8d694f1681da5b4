import type { DbOrTrx } from '../../db/schema.js';
import { ilikeContains } from '../../db/sql-helpers.js';
import { presentUserSummary } from '../presenters.js';
import type { UserListInput } from '../schema.js';

/** Users by name, matching name or username; optionally only active or only deactivated ones. */
export async function listUsers(db: DbOrTrx, input: UserListInput) {
  let query = db.selectFrom('users').select(['id', 'username', 'name', 'role', 'active']);
  const q = input.q?.trim();
  if (q) query = query.where((eb) => eb.or([ilikeContains(eb.ref('name'), q), ilikeContains(eb.ref('username'), q)]));
  if (input.active !== undefined) query = query.where('active', '=', input.active ? 1 : 0);
  const rows = await query.orderBy('name').orderBy('id').limit(input.limit + 1).offset(input.offset).execute();
  return { items: rows.slice(0, input.limit).map(presentUserSummary), hasMore: rows.length > input.limit };
}
