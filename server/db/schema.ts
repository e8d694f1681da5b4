import type { Kysely, Transaction } from 'kysely';
import type { AttachmentBlobsTable, AttachmentOpensTable, AttachmentsTable } from '../attachments/attachments.table.js';
import type { RealtimeEventsTable } from '../realtime/realtime-events.table.js';
import type { LoginAttemptsTable, SessionsTable } from '../auth/sessions.table.js';
import type { ConversationReadsTable, ConversationTagsTable, ConversationsTable } from '../conversations/conversations.table.js';
import type { ConsentEventsTable, PhoneContactsTable } from '../contacts/phone-contacts.table.js';
import type { ConversationEndpointsTable } from '../conversations/endpoints.table.js';
import type { MessagesTable } from '../conversations/messages.table.js';
import type { DeliveriesTable, SendSlotsTable } from '../texting/deliveries.table.js';
import type { InboundMessagesTable } from '../texting/inbound-messages.table.js';
import type { TwilioSettingsTable } from '../texting/twilio-settings.table.js';
import type { ContactMethodsTable, CustomerContactsTable, PartiesTable } from '../erp/parties.table.js';
import type { CountersTable, TransactionsTable } from '../erp/transactions.table.js';
import type { CompanyPreferencesTable, ConversationTypesTable } from '../preferences/preferences.table.js';
import type { UserGroupMembersTable, UserGroupsTable } from '../users/user-groups.table.js';
import type { UsersTable } from '../users/users.table.js';

/** The whole database as Kysely sees it. */
export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  user_groups: UserGroupsTable;
  user_group_members: UserGroupMembersTable;
  customers: PartiesTable;
  vendors: PartiesTable;
  contact_methods: ContactMethodsTable;
  customer_contacts: CustomerContactsTable;
  transactions: TransactionsTable;
  counters: CountersTable;
  conversation_types: ConversationTypesTable;
  company_preferences: CompanyPreferencesTable;
  conversations: ConversationsTable;
  conversation_tags: ConversationTagsTable;
  conversation_reads: ConversationReadsTable;
  messages: MessagesTable;
  conversation_endpoints: ConversationEndpointsTable;
  deliveries: DeliveriesTable;
  send_slots: SendSlotsTable;
  inbound_messages: InboundMessagesTable;
  twilio_settings: TwilioSettingsTable;
  phone_contacts: PhoneContactsTable;
  consent_events: ConsentEventsTable;
  attachments: AttachmentsTable;
  attachment_opens: AttachmentOpensTable;
  realtime_events: RealtimeEventsTable;
  attachment_blobs: AttachmentBlobsTable;
}

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Repositories and queries take either the database or an open transaction. */
export type DbOrTrx = Db | Trx;
