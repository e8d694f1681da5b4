import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { getContactCard } from '../queries/get-contact-card.js';
import type { ContactCardOut } from '../presenters.js';
import type { ContactCardInput } from '../schema.js';

/**
 * Saves a Contact Card's Name, Company Name, Label, Notes and Disable Texting This Number; there
 * is one card per number (created on first save). Turning texting off or on is recorded in the
 * consent ledger with who did it.
 */
export async function saveContactCard(ctx: Ctx, number: string, input: ContactCardInput): Promise<ContactCardOut> {
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx.clock);
    const before = await trx.selectFrom('phone_contacts').select(['texting_disabled', 'consent_state']).where('phone_number', '=', number).executeTakeFirst();
    const fields = {
      name: input.name,
      company_name: input.companyName,
      label: input.label,
      notes: input.notes,
      texting_disabled: input.textingDisabled ? 1 : 0,
      updated_at: at,
    };
    await trx
      .insertInto('phone_contacts')
      .values({ phone_number: number, ...fields, created_at: at })
      .onConflict((oc) => oc.column('phone_number').doUpdateSet(fields))
      .execute();
    if ((before?.texting_disabled ?? 0) !== fields.texting_disabled) {
      await trx
        .insertInto('consent_events')
        .values({
          phone_number: number,
          event: input.textingDisabled ? 'texting_disabled' : 'texting_enabled',
          state_after: before?.consent_state ?? 'none',
          method: 'staff',
          user_id: ctx.actor.id,
          text: null,
          created_at: at,
        })
        .execute();
    }
  });
  return getContactCard(ctx.db, number);
}
