import type { Trx } from '../../db/schema.js';
import { AppError } from '../../errors.js';

export const typeNameTaken = (name: string) => new AppError('CONFLICT', `A conversation type named "${name}" already exists.`);

/**
 * Refuses a name another Conversation Type already has. The comparison ignores case ("Billing"
 * and "billing" would be indistinguishable in a picker), which is stricter than the index.
 */
export async function assertTypeNameFree(trx: Trx, name: string, exceptId?: number): Promise<void> {
  let query = trx.selectFrom('conversation_types').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw typeNameTaken(name);
}
