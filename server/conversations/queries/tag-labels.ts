import type { TagKind } from '../../../core/conversations.js';
import type { DbOrTrx } from '../../db/schema.js';
import type { TagOut } from '../presenters.js';

const ORDER: Record<TagKind, number> = { user: 0, group: 1, customer: 2, vendor: 3, transaction: 4 };

/** Display labels for tag references, in a few queries however many conversations. */
export async function labelTags(
  db: DbOrTrx,
  tags: { conversation_id: number; kind: TagKind; ref_id: number }[],
): Promise<Map<number, TagOut[]>> {
  const ids = (kind: TagKind) => [...new Set(tags.filter((t) => t.kind === kind).map((t) => t.ref_id))];
  const labels = new Map<string, string>();
  const load = async (kind: TagKind, rows: Promise<{ id: number; label: string }[]>) => {
    for (const r of await rows) labels.set(`${kind}:${r.id}`, r.label);
  };
  const some = (kind: TagKind) => ids(kind).length > 0;
  await Promise.all([
    some('user') && load('user', db.selectFrom('users').select(['id', 'name as label']).where('id', 'in', ids('user')).execute()),
    some('group') && load('group', db.selectFrom('user_groups').select(['id', 'name as label']).where('id', 'in', ids('group')).execute()),
    some('customer') && load('customer', db.selectFrom('customers').select(['id', 'name as label']).where('id', 'in', ids('customer')).execute()),
    some('vendor') && load('vendor', db.selectFrom('vendors').select(['id', 'name as label']).where('id', 'in', ids('vendor')).execute()),
    some('transaction') && load('transaction', db.selectFrom('transactions').select(['id', 'transaction_id as label']).where('id', 'in', ids('transaction')).execute()),
  ]);
  const byConversation = new Map<number, TagOut[]>();
  for (const t of tags) {
    const list = byConversation.get(t.conversation_id) ?? [];
    list.push({ kind: t.kind, id: t.ref_id, label: labels.get(`${t.kind}:${t.ref_id}`) ?? `(removed ${t.kind})` });
    byConversation.set(t.conversation_id, list);
  }
  for (const list of byConversation.values()) {
    list.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.label.localeCompare(b.label));
  }
  return byConversation;
}
