import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/schema.js';
import { ilikeContains } from '../../db/sql-helpers.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import { presentContactCard } from '../presenters.js';

/** Contact Cards whose Name, Company Name, Label or digits match, for picking a number. */
export async function searchContactCards(db: DbOrTrx, q: string, limit: number) {
  const { defaultRegion } = await getPreferences(db);
  const digits = q.replace(/\D/g, '');
  let query = db.selectFrom('phone_contacts').selectAll();
  if (q) {
    query = query.where((eb) =>
      eb.or([
        ilikeContains(sql.ref('name'), q),
        ilikeContains(sql.ref('company_name'), q),
        ilikeContains(sql.ref('label'), q),
        ...(digits.length >= 3 ? [ilikeContains(sql.ref('phone_number'), digits)] : []),
      ]),
    );
  }
  const rows = await query.orderBy('updated_at', 'desc').limit(limit).execute();
  return { items: rows.map((r) => presentContactCard(r.phone_number, r, defaultRegion, [])) };
}
