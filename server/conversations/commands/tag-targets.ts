import type { TagKind } from '../../../core/conversations.js';
import type { DbOrTrx } from '../../db/schema.js';
import { AppError } from '../../errors.js';

const TABLE: Record<TagKind, 'users' | 'user_groups' | 'customers' | 'vendors' | 'transactions'> = {
  user: 'users',
  group: 'user_groups',
  customer: 'customers',
  vendor: 'vendors',
  transaction: 'transactions',
};
const NAME: Record<TagKind, string> = { user: 'User', group: 'User group', customer: 'Customer', vendor: 'Vendor', transaction: 'Transaction' };

/** Refuses a tag whose record does not exist (or an inactive user). */
export async function assertTagTarget(db: DbOrTrx, tag: { kind: TagKind; id: number }): Promise<void> {
  if (tag.kind === 'user') {
    const u = await db.selectFrom('users').select('active').where('id', '=', tag.id).executeTakeFirst();
    if (!u) throw new AppError('NOT_FOUND', `User ${tag.id} was not found.`);
    if (u.active !== 1) throw new AppError('VALIDATION_FAILED', 'That user is deactivated and cannot be tagged.');
    return;
  }
  const row = await db.selectFrom(TABLE[tag.kind]).select('id').where('id', '=', tag.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `${NAME[tag.kind]} ${tag.id} was not found.`);
}
