import type { Ctx } from '../../context.js';
import { conflictOnUnique } from '../../db/unique-violation.js';
import { notFound } from '../../errors.js';
import { requireAdmin } from '../../auth/authorize.js';
import { presentConversationType } from '../presenters.js';
import type { ConversationTypeOut } from '../presenters.js';
import type { ConversationTypeInput } from '../schema.js';
import { assertTypeNameFree, typeNameTaken } from './assert-type-name-free.js';

/**
 * Renames, reorders, retires or restores a Conversation Type (admins only). Types are retired
 * rather than deleted because existing conversations keep pointing at them.
 */
export async function updateConversationType(ctx: Ctx, id: number, input: ConversationTypeInput): Promise<ConversationTypeOut> {
  requireAdmin(ctx.actor);
  return conflictOnUnique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('conversation_types').select('id').where('id', '=', id).executeTakeFirst();
        if (!existing) throw notFound('Conversation type');
        await assertTypeNameFree(trx, input.name, id);
        const row = await trx
          .updateTable('conversation_types')
          .set({ name: input.name, active: input.active ? 1 : 0, position: input.position })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return presentConversationType(row);
      }),
    typeNameTaken(input.name).message,
  );
}
