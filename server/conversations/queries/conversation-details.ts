import { sql } from 'kysely';
import { displayLabel } from '../../contacts/presenters.js';
import { UNREAD_COUNT_CAP } from '../../../core/conversations.js';
import { groupBy } from '../../../core/collections.js';
import { formatPhone } from '../../../core/phone-numbers.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';
import type { Actor } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import type { ConversationRow } from '../conversations.table.js';
import type { ConversationDetails } from '../presenters.js';
import { labelTags } from './tag-labels.js';

/**
 * Gathers what the conversation presenters show for a batch of conversations, as seen by one
 * viewer (unread counts are per viewer): tags with labels, type, last message, unread count.
 */
export async function conversationDetails(db: DbOrTrx, viewer: Actor, rows: ConversationRow[]): Promise<ConversationDetails[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const typeIds = [...new Set(rows.map((r) => r.type_id).filter((v): v is number => v !== null))];
  const lastIds = rows.map((r) => r.last_message_id).filter((v): v is number => v !== null);
  const creatorIds = [...new Set(rows.map((r) => r.created_by).filter((v): v is number => v !== null))];

  const [tags, types, lastMessages, creators, unread, endpoints, prefs] = await Promise.all([
    db.selectFrom('conversation_tags').select(['conversation_id', 'kind', 'ref_id']).where('conversation_id', 'in', ids).execute(),
    typeIds.length ? db.selectFrom('conversation_types').select(['id', 'name']).where('id', 'in', typeIds).execute() : [],
    lastIds.length
      ? db
          .selectFrom('messages')
          .leftJoin('users', 'users.id', 'messages.author_id')
          .select(['messages.id', 'messages.body', 'messages.created_at', 'messages.deleted_at', 'users.name as author_name'])
          .where('messages.id', 'in', lastIds)
          .execute()
      : [],
    creatorIds.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', creatorIds).execute() : [],
    // Capped per conversation: the range scan stops after UNREAD_COUNT_CAP rows of the (conversation_id, id) index.
    db
      .selectFrom('conversations as c')
      .select([
        'c.id as conversation_id',
        sql<number>`(select count(*) from (select 1 from messages m
          where m.conversation_id = c.id and m.kind = 'user' and (m.author_id is null or m.author_id <> ${viewer.id})
            and m.id > coalesce((select r.last_read_message_id from conversation_reads r where r.conversation_id = c.id and r.user_id = ${viewer.id}), 0)
          limit ${UNREAD_COUNT_CAP}) u)`.as('n'),
      ])
      .where('c.id', 'in', ids)
      .execute(),
    db
      .selectFrom('conversation_endpoints as e')
      .leftJoin('phone_contacts as c', 'c.phone_number', 'e.phone_number')
      .select(['e.conversation_id', 'e.phone_number', 'c.label', 'c.name', 'c.consent_state', 'c.texting_disabled'])
      .where('e.conversation_id', 'in', ids)
      .orderBy('e.created_at')
      .orderBy('e.phone_number')
      .execute(),
    getPreferences(db),
  ]);
  const lastFiles = lastIds.length
    ? groupBy(
        await db.selectFrom('attachments').select(['message_id', 'file_name']).where('message_id', 'in', lastIds).where('deleted_at', 'is', null).orderBy('position').orderBy('id').execute(),
        (a) => a.message_id,
      )
    : new Map<number | null, { file_name: string }[]>();
  const phonesBy = groupBy(endpoints, (e) => e.conversation_id);
  const labelled = await labelTags(db, tags);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const last = new Map(lastMessages.map((m) => [m.id, m]));
  const creator = new Map(creators.map((c) => [c.id, c.name]));
  const unreadBy = new Map(unread.map((u) => [u.conversation_id, Number(u.n)]));
  return rows.map((row) => {
    const m = row.last_message_id !== null ? last.get(row.last_message_id) : undefined;
    return {
      row,
      typeName: row.type_id !== null ? (typeName.get(row.type_id) ?? null) : null,
      tags: labelled.get(row.id) ?? [],
      unreadCount: unreadBy.get(row.id) ?? 0,
      lastMessage: m
        ? {
            id: m.id,
            body: m.body,
            authorName: m.author_name,
            createdAt: m.created_at,
            deleted: m.deleted_at !== null,
            attachmentNames: (lastFiles.get(m.id) ?? []).map((a) => a.file_name),
          }
        : null,
      createdByName: row.created_by !== null ? (creator.get(row.created_by) ?? null) : null,
      phoneNumbers: (phonesBy.get(row.id) ?? []).map((e) => ({
        number: e.phone_number,
        label: displayLabel(e.phone_number, { label: e.label, name: e.name }, prefs.defaultRegion),
        formatted: formatPhone(e.phone_number, prefs.defaultRegion),
        consent: e.consent_state ?? 'none',
        textingDisabled: e.texting_disabled === 1,
      })),
    };
  });
}
