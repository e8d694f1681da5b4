import type { Ctx } from '../../context.js';
import type { Trx } from '../../db/schema.js';
import { isoNow } from '../../context.js';
import { getParty, partyTable } from '../queries/get-party.js';
import type { PartyOut } from '../presenters.js';
import type { PartyInput, PartyKind } from '../schema.js';
import { saveChildren } from './save-party-children.js';

/** Creates a customer or vendor together with its Contact Methods (and Customer Contacts). */
export async function createParty(ctx: Ctx, kind: PartyKind, input: PartyInput): Promise<PartyOut> {
  return ctx.db.transaction().execute((trx) => insertParty(trx, ctx, kind, input));
}

/** createParty inside the caller's transaction (Create Transaction's "Add a new customer" uses it). */
export async function insertParty(trx: Trx, ctx: Ctx, kind: PartyKind, input: PartyInput): Promise<PartyOut> {
  const now = isoNow(ctx.clock);
  const { id } = await trx
    .insertInto(partyTable(kind))
    .values({ name: input.name, company_name: input.companyName, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await saveChildren(trx, kind, id, input, now);
  return getParty(trx, kind, id);
}
