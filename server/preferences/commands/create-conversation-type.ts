import type { Ctx } from '../../context.js';
import { conflictOnUnique } from '../../db/unique-violation.js';
import { requireAdmin } from '../../auth/authorize.js';
import { presentConversationType } from '../presenters.js';
import type { ConversationTypeOut } from '../presenters.js';
import type { ConversationTypeInput } from '../schema.js';
import { assertTypeNameFree, typeNameTaken } from './assert-type-name-free.js';

/** Adds a Conversation Type (admins only). */
export async function createConversationType(ctx: Ctx, input: ConversationTypeInput): Promise<ConversationTypeOut> {
  requireAdmin(ctx.actor);
  return conflictOnUnique(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await assertTypeNameFree(trx, input.name);
        const row = await trx
          .insertInto('conversation_types')
          .values({ name: input.name, active: input.active ? 1 : 0, position: input.position })
          .returningAll()
          .executeTakeFirstOrThrow();
        return presentConversationType(row);
      }),
    typeNameTaken(input.name).message,
  );
}
