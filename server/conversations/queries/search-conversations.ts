import { sql } from 'kysely';
import type { Actor } from '../../context.js';
import type { Dialect } from '../../db/database.js';
import type { DbOrTrx } from '../../db/schema.js';
import { ilikeContains } from '../../db/sql-helpers.js';
import { presentConversationSummary } from '../presenters.js';
import type { ConversationSummaryOut } from '../presenters.js';
import { conversationDetails } from './conversation-details.js';
import { visibilitySql, visibleTo } from './visibility.js';

/** Words of a search, as the full-text indexes tokenise them (letters and digits). */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/** All words must match; the last one as a prefix, so results follow the user's typing. */
function ftsExpression(dialect: Dialect, terms: string[]): string {
  if (dialect === 'sqlite') return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
  return terms.map((t, i) => `'${t}'${i === terms.length - 1 ? ':*' : ''}`).join(' & ');
}

/**
 * Messages matching the terms, newest first, among conversations the actor may see. Ids grow
 * with time, so newest-first is the full-text index's own rowid order on SQLite (no sort of all
 * matches); on PostgreSQL the newest messages are searched first, in widening windows of ids.
 */
async function matchingMessages(db: DbOrTrx, dialect: Dialect, actor: Actor, terms: string[], limit: number) {
  const expr = ftsExpression(dialect, terms);
  const visible = visibilitySql(actor, sql.ref('m.conversation_id'));
  if (dialect === 'sqlite') {
    const query = sql<{ id: number; conversation_id: number }>`select m.id as id, m.conversation_id as conversation_id
      from messages_fts f cross join messages m on m.id = f.rowid
      where messages_fts match ${expr} and ${visible}
      order by f.rowid desc limit ${limit}`;
    return (await query.execute(db)).rows;
  }
  // PostgreSQL: the GIN index finds every match, and sorting tens of thousands of them for the
  // newest few is slow (0.6 s for a common word at a million messages). Newest first means the
  // answer is usually among the latest messages: look there first, widening until enough are found.
  const newest = await db.selectFrom('messages').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const top = Number(newest?.id ?? 0);
  let rows: { id: number; conversation_id: number }[] = [];
  for (const window of [20_000, 200_000, Number.POSITIVE_INFINITY]) {
    const floor = Number.isFinite(window) ? top - window : 0;
    const query = sql<{ id: number; conversation_id: number }>`select m.id as id, m.conversation_id as conversation_id
      from messages m
      where m.search @@ to_tsquery('simple', ${expr}) and m.id > ${floor} and ${visible}
      order by m.id desc limit ${limit}`;
    rows = (await query.execute(db)).rows;
    if (rows.length >= limit || floor <= 0) break;
  }
  return rows;
}

/**
 * Conversations whose subject or a tagged participant's name matches the whole query text. The
 * few matching users, groups, customers, vendors and transactions are found first (small tables),
 * then their conversations through the tag index — not one lookup per conversation.
 */
async function matchingConversations(db: DbOrTrx, actor: Actor, q: string, limit: number) {
  const named = (table: 'users' | 'user_groups' | 'customers' | 'vendors') =>
    db.selectFrom(table).select('id').where(ilikeContains(sql.ref('name'), q)).limit(200).execute();
  const [users, groups, customers, vendors, transactions] = await Promise.all([
    named('users'),
    named('user_groups'),
    named('customers'),
    named('vendors'),
    db.selectFrom('transactions').select('id').where(ilikeContains(sql.ref('transaction_id'), q)).limit(200).execute(),
  ]);
  const refs = ([['user', users], ['group', groups], ['customer', customers], ['vendor', vendors], ['transaction', transactions]] as const).filter(([, rows]) => rows.length > 0);
  return db
    .selectFrom('conversations')
    .select(['id', 'last_message_id'])
    .where(visibleTo(actor))
    .where((eb) =>
      eb.or([
        ilikeContains(eb.ref('subject'), q),
        ...refs.map(([kind, rows]) =>
          eb(
            'id',
            'in',
            eb.selectFrom('conversation_tags').select('conversation_id').where('kind', '=', kind).where('ref_id', 'in', rows.map((r) => r.id)),
          ),
        ),
      ]),
    )
    .orderBy('last_activity_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Searches the actor's conversations by message text, subject and participant, newest first:
 * a conversation ranks by its newest matching message (or, matched by subject or participant,
 * by its newest message).
 */
export async function searchConversations(
  db: DbOrTrx,
  dialect: Dialect,
  actor: Actor,
  input: { q: string; limit: number },
): Promise<{ items: ConversationSummaryOut[] }> {
  const terms = searchTerms(input.q);
  const [messages, conversations] = await Promise.all([
    terms.length ? matchingMessages(db, dialect, actor, terms, input.limit * 10) : [],
    matchingConversations(db, actor, input.q.trim(), input.limit),
  ]);
  const rank = new Map<number, number>();
  for (const m of messages) rank.set(m.conversation_id, Math.max(rank.get(m.conversation_id) ?? 0, m.id));
  for (const c of conversations) rank.set(c.id, Math.max(rank.get(c.id) ?? 0, c.last_message_id ?? 0));
  const ids = [...rank.entries()].sort((a, b) => b[1] - a[1]).slice(0, input.limit).map(([id]) => id);
  if (ids.length === 0) return { items: [] };
  const rows = await db.selectFrom('conversations').selectAll().where('id', 'in', ids).execute();
  const byId = new Map((await conversationDetails(db, actor, rows)).map((d) => [d.row.id, d]));
  return { items: ids.map((id) => presentConversationSummary(byId.get(id)!)) };
}
