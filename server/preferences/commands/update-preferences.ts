import type { Ctx } from '../../context.js';
import { isoNow } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireAdmin } from '../../auth/authorize.js';
import { PREFERENCE_KEYS, definitionOf } from '../definitions.js';
import type { Preferences, PreferencesPatch } from '../definitions.js';
import { getPreferences } from '../queries/get-preferences.js';
import { invalidateTextingCache } from '../../texting/settings/texting-settings.js';

/**
 * Saves the given Company Preferences (admins only); keys not in the patch keep their values.
 * Checks that need the database (references to other records) run inside the transaction, so a
 * value cannot be validated against a row that another request is changing.
 */
export async function updatePreferences(ctx: Ctx, patch: PreferencesPatch): Promise<Preferences> {
  requireAdmin(ctx.actor);
  const keys = PREFERENCE_KEYS.filter((k) => patch[k] !== undefined);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const fields: { field: string; message: string }[] = [];
    for (const key of keys) {
      const problem = await definitionOf(key).check?.(trx, patch[key]);
      if (problem) fields.push({ field: `body.${key}`, message: problem });
    }
    if (fields.length) {
      throw new AppError('VALIDATION_FAILED', `Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, { fields });
    }
    const now = isoNow(ctx.clock);
    for (const key of keys) {
      const row = { key, value: JSON.stringify(patch[key]), updated_at: now, updated_by: ctx.actor.id };
      await trx
        .insertInto('company_preferences')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: now, updated_by: ctx.actor.id }))
        .execute();
    }
    return getPreferences(trx);
  });
  invalidateTextingCache(ctx);
  return result;
}
