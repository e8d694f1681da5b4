import type { DbOrTrx } from '../../db/schema.js';
import { sql } from 'kysely';
import { ilikeContains } from '../../db/sql-helpers.js';
import { presentPartySummary } from '../presenters.js';
import type { PartyKind } from '../schema.js';
import { partyColumn, partyTable } from './get-party.js';

export interface ListPartiesInput {
  q?: string;
  limit: number;
  offset: number;
}

/**
 * Customers or vendors by name, matching name, company name or any contact method value.
 */
export async function listParties(db: DbOrTrx, kind: PartyKind, input: ListPartiesInput) {
  const table = partyTable(kind);
  let query = db.selectFrom(table).selectAll();
  const q = input.q?.trim();
  if (q) {
    query = query.where((eb) =>
      eb.or([
        ilikeContains(eb.ref('name'), q),
        ilikeContains(eb.ref('company_name'), q),
        eb.exists(
          eb.selectFrom('contact_methods as cm')
            .select('cm.id')
            .whereRef(`cm.${partyColumn(kind)}`, '=', `${table}.id`)
            .where(ilikeContains(sql.ref('cm.value'), q)),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('name').orderBy('id').limit(input.limit + 1).offset(input.offset).execute();
  return {
    items: rows.slice(0, input.limit).map((r) => presentPartySummary(kind, r)),
    hasMore: rows.length > input.limit,
  };
}
