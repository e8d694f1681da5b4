import type { DbOrTrx } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { presentUser } from '../presenters.js';
import type { UserOut } from '../presenters.js';

/** One user, without the password hash. */
export async function getUser(db: DbOrTrx, id: number): Promise<UserOut> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('User');
  return presentUser(row);
}
