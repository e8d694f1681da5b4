import type { Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';

export const usernameTaken = (username: string) => new AppError('CONFLICT', `The username "${username}" is already taken.`);
export const groupNameTaken = (name: string) => new AppError('CONFLICT', `A user group named "${name}" already exists.`);

/** Refuses a username another user has (usernames are stored lower-cased, so this is exact). */
export async function assertUsernameFree(trx: Trx, username: string, exceptId?: number): Promise<void> {
  let query = trx.selectFrom('users').select('id').where('username', '=', username);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw usernameTaken(username);
}

/** Refuses a group name already in use, ignoring case: two groups differing only in case would confuse the tag picker. */
export async function assertGroupNameFree(trx: Trx, name: string, exceptId?: number): Promise<void> {
  let query = trx.selectFrom('user_groups').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw groupNameTaken(name);
}
