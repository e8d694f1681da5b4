import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { notFound } from '../../errors.js';
import { getParty, partyLabel, partyTable } from '../queries/get-party.js';
import type { PartyOut } from '../presenters.js';
import type { PartyInput, PartyKind } from '../schema.js';
import { saveChildren } from './save-party-children.js';

/** Saves a customer's or vendor's details and its tables in one transaction. */
export async function updateParty(ctx: Ctx, kind: PartyKind, id: number, input: PartyInput): Promise<PartyOut> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx.clock);
    const res = await trx
      .updateTable(partyTable(kind))
      .set({ name: input.name, company_name: input.companyName, updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound(partyLabel(kind));
    await saveChildren(trx, kind, id, input, now);
    return getParty(trx, kind, id);
  });
}
