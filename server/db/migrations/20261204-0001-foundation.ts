import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { isPostgres, withId } from './dialect.js';

/** Users, sessions, ERP records, conversations and messages. */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'user')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await s.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await withId(db, s.createTable('login_attempts'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('login_attempts_user_idx').on('login_attempts').columns(['username', 'at']).execute();
  await s.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();

  await withId(db, s.createTable('user_groups'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('user_group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('user_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_group_members_pk', ['group_id', 'user_id'])
    .execute();
  await s.createIndex('user_group_members_user_idx').on('user_group_members').column('user_id').execute();

  for (const party of ['customers', 'vendors']) {
    await withId(db, s.createTable(party))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex(`${party}_name_idx`).on(party).column('name').execute();
  }

  await withId(db, s.createTable('contact_methods'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('vendor_id', 'integer', (c) => c.references('vendors.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('Phone', 'Cell Phone', 'Email', 'Fax', 'Other')`),
    )
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'contact_methods_one_party',
      sql`(customer_id is null) <> (vendor_id is null)`,
    )
    .execute();
  await s.createIndex('contact_methods_customer_idx').on('contact_methods').column('customer_id').execute();
  await s.createIndex('contact_methods_vendor_idx').on('contact_methods').column('vendor_id').execute();

  await withId(db, s.createTable('customer_contacts'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('customer_contacts_customer_idx').on('customer_contacts').column('customer_id').execute();

  await s
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, s.createTable('transactions'))
    .addColumn('transaction_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('vendor_id', 'integer', (c) => c.references('vendors.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('memo', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('transactions_one_party', sql`(customer_id is null) <> (vendor_id is null)`)
    .execute();
  await s.createIndex('transactions_customer_idx').on('transactions').column('customer_id').execute();
  await s.createIndex('transactions_vendor_idx').on('transactions').column('vendor_id').execute();

  await withId(db, s.createTable('conversation_types'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await s
    .createTable('company_preferences')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await withId(db, s.createTable('conversations'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('type_id', 'integer', (c) => c.references('conversation_types.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('last_message_id', 'integer')
    .addColumn('closed_at', 'text')
    .execute();
  await s.createIndex('conversations_activity_idx').on('conversations').columns(['last_activity_at', 'id']).execute();

  await s
    .createTable('conversation_tags')
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('user', 'group', 'customer', 'vendor', 'transaction')`),
    )
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_tags_pk', ['conversation_id', 'kind', 'ref_id'])
    .execute();
  await s.createIndex('conversation_tags_ref_idx').on('conversation_tags').columns(['kind', 'ref_id']).execute();

  await withId(db, s.createTable('messages'))
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('user', 'system')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('messages_conversation_idx').on('messages').columns(['conversation_id', 'id']).execute();

  await s
    .createTable('conversation_reads')
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('last_read_message_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_reads_pk', ['conversation_id', 'user_id'])
    .execute();

  // Full-text search over message bodies: the one place the dialects need their own SQL.
  // Both keep the message id as the document key, so newest-first is index order, not a sort.
  if (isPostgres(db)) {
    await sql`alter table messages add column search tsvector generated always as (to_tsvector('simple', body)) stored`.execute(db);
    await sql`create index messages_search_idx on messages using gin (search)`.execute(db);
  } else {
    await sql`create virtual table messages_fts using fts5(body, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger messages_fts_ai after insert on messages begin
      insert into messages_fts(rowid, body) values (new.id, new.body); end`.execute(db);
    await sql`create trigger messages_fts_ad after delete on messages begin
      insert into messages_fts(messages_fts, rowid, body) values ('delete', old.id, old.body); end`.execute(db);
    await sql`create trigger messages_fts_au after update of body on messages begin
      insert into messages_fts(messages_fts, rowid, body) values ('delete', old.id, old.body);
      insert into messages_fts(rowid, body) values (new.id, new.body); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'conversation_reads', 'messages', 'conversation_tags', 'conversations', 'company_preferences',
    'conversation_types', 'transactions', 'counters', 'customer_contacts', 'contact_methods', 'vendors',
    'customers', 'user_group_members', 'user_groups', 'login_attempts', 'sessions', 'users',
  ];
  if (!isPostgres(db)) await sql`drop table if exists messages_fts`.execute(db);
  for (const t of tables) await db.schema.dropTable(t).ifExists().execute();
}
