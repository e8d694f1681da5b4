import type { DbOrTrx } from '../../db/schema.js';
import { ilikeContains } from '../../db/sql-helpers.js';
import { presentUserGroupSummary } from '../presenters.js';

/** User Groups by name, each with its member count; `q` matches the name. */
export async function listUserGroups(db: DbOrTrx, input: { q?: string }) {
  let query = db
    .selectFrom('user_groups as g')
    .selectAll('g')
    .select((eb) =>
      eb.selectFrom('user_group_members as m').select(eb.fn.countAll().as('n')).whereRef('m.group_id', '=', 'g.id').as('member_count'),
    );
  const q = input.q?.trim();
  if (q) query = query.where((eb) => ilikeContains(eb.ref('g.name'), q));
  const rows = await query.orderBy('g.name').orderBy('g.id').execute();
  // PostgreSQL returns count(*) as a bigint string; SQLite as a number.
  return { items: rows.map(({ member_count, ...g }) => presentUserGroupSummary(g, Number(member_count ?? 0))) };
}
