import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { createParty } from '../../erp/commands/create-party.js';
import { partyColumn, partyLabel, partyTable } from '../../erp/queries/get-party.js';
import { AppError, notFound } from '../../errors.js';
import { formatPhone } from '../../../core/phone-numbers.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import type { z } from 'zod';
import type { addToPartyIn, createPartyIn } from '../schema.js';

/** "Add to Existing": adds the number to a customer's or vendor's Contact Methods (once). */
export async function addContactToParty(ctx: Ctx, number: string, input: z.output<typeof addToPartyIn>) {
  const { defaultRegion } = await getPreferences(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const party = await trx.selectFrom(partyTable(input.kind)).select('id').where('id', '=', input.partyId).executeTakeFirst();
    if (!party) throw notFound(partyLabel(input.kind));
    const col = partyColumn(input.kind);
    const already = await trx.selectFrom('contact_methods').select('id').where(col, '=', input.partyId).where('phone_e164', '=', number).executeTakeFirst();
    if (already) throw new AppError('CONFLICT', `This number is already in that ${input.kind}'s Contact Methods.`);
    const position = await trx.selectFrom('contact_methods').select((eb) => eb.fn.countAll<number>().as('n')).where(col, '=', input.partyId).executeTakeFirstOrThrow();
    await trx
      .insertInto('contact_methods')
      .values({
        customer_id: input.kind === 'customer' ? input.partyId : null,
        vendor_id: input.kind === 'vendor' ? input.partyId : null,
        type: input.type,
        value: formatPhone(number, defaultRegion),
        description: input.description,
        position: Number(position.n),
        phone_e164: number,
        created_at: isoNow(ctx.clock),
      })
      .execute();
    return { kind: input.kind, id: input.partyId };
  });
}

/** "Add Customer" / "Add Vendor": creates the entity with the number as a Contact Method. */
export async function createPartyFromContact(ctx: Ctx, number: string, input: z.output<typeof createPartyIn>) {
  const [{ defaultRegion }, card] = await Promise.all([
    getPreferences(ctx.db),
    ctx.db.selectFrom('phone_contacts').select(['name', 'company_name', 'label']).where('phone_number', '=', number).executeTakeFirst(),
  ]);
  const name = input.name?.trim() || card?.name || card?.company_name || card?.label || formatPhone(number, defaultRegion);
  const party = await createParty(ctx, input.kind, {
    name,
    companyName: input.companyName ?? card?.company_name ?? null,
    contactMethods: [{ type: input.type, value: formatPhone(number, defaultRegion), description: input.description }],
    contacts: [],
  });
  return { kind: input.kind, id: party.id };
}
