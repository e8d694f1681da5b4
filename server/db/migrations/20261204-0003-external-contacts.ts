import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { withId } from './dialect.js';

/**
 * External contacts: the Contact Card (one per phone number), the append-only consent ledger,
 * conversation identity by endpoint set (at most one open conversation per set), normalised
 * phone numbers on Contact Methods and Customer Contacts, and messages held until opt-in.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('phone_contacts'))
    .addColumn('phone_number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('company_name', 'text')
    .addColumn('label', 'text')
    .addColumn('notes', 'text')
    .addColumn('texting_disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_state', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`consent_state in ('none', 'pending', 'opted_in', 'opted_out')`),
    )
    .addColumn('consent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, s.createTable('consent_events'))
    .addColumn('phone_number', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('state_after', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('inbound_message_id', 'integer', (c) => c.references('inbound_messages.id'))
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('consent_events_phone_idx').on('consent_events').columns(['phone_number', 'id']).execute();

  await s.alterTable('conversations').addColumn('endpoint_key', 'text').execute();
  await s
    .createIndex('conversations_open_endpoints_uq')
    .on('conversations')
    .column('endpoint_key')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();

  await s.alterTable('messages').addColumn('held', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  for (const table of ['contact_methods', 'customer_contacts']) {
    await s.alterTable(table).addColumn('phone_e164', 'text').execute();
    await s.createIndex(`${table}_phone_e164_idx`).on(table).column('phone_e164').execute();
  }
  // Normalise the numbers already stored (default region US: no preference existed before this).
  const methods = await db.selectFrom('contact_methods').select(['id', 'value']).where('type', 'in', ['Phone', 'Cell Phone']).execute();
  for (const m of methods) {
    const p = parsePhoneNumberFromString(String(m.value), 'US');
    if (p?.isValid()) await db.updateTable('contact_methods').set({ phone_e164: p.number }).where('id', '=', m.id).execute();
  }
  const contacts = await db.selectFrom('customer_contacts').select(['id', 'phone']).where('phone', 'is not', null).execute();
  for (const c of contacts) {
    const p = parsePhoneNumberFromString(String(c.phone), 'US');
    if (p?.isValid()) await db.updateTable('customer_contacts').set({ phone_e164: p.number }).where('id', '=', c.id).execute();
  }
  // Conversations that already text numbers get their endpoint key.
  const endpoints = await db.selectFrom('conversation_endpoints').select(['conversation_id', 'phone_number']).execute();
  const byConversation = new Map<number, string[]>();
  for (const e of endpoints) byConversation.set(e.conversation_id, [...(byConversation.get(e.conversation_id) ?? []), e.phone_number]);
  for (const [id, numbers] of byConversation) {
    await db.updateTable('conversations').set({ endpoint_key: [...new Set(numbers)].sort().join(',') }).where('id', '=', id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['contact_methods', 'customer_contacts']) {
    await db.schema.dropIndex(`${table}_phone_e164_idx`).ifExists().execute();
    await db.schema.alterTable(table).dropColumn('phone_e164').execute();
  }
  await db.schema.alterTable('messages').dropColumn('held').execute();
  await db.schema.dropIndex('conversations_open_endpoints_uq').ifExists().execute();
  await db.schema.alterTable('conversations').dropColumn('endpoint_key').execute();
  await db.schema.dropTable('consent_events').ifExists().execute();
  await db.schema.dropTable('phone_contacts').ifExists().execute();
}
