import type { Migration } from 'kysely';
import * as foundation from './20261204-0001-foundation.js';
import * as texting from './20261204-0002-texting.js';
import * as externalContacts from './20261204-0003-external-contacts.js';
import * as orphans from './20261204-0004-orphans-and-deletion.js';
import * as attachments from './20261204-0005-attachments.js';
import * as messageTransactions from './20261204-0006-message-transactions.js';
import * as realtimeEvents from './20261204-0007-realtime-events.js';
import * as attachmentBlobs from './20261204-0008-attachment-blobs.js';

/**
 * Every migration, in order. Listed explicitly (not read from the folder) so the same list works
 * from TypeScript sources and from the compiled build.
 */
export const migrations: Record<string, Migration> = {
  '20261204-0001-foundation': foundation,
  '20261204-0002-texting': texting,
  '20261204-0003-external-contacts': externalContacts,
  '20261204-0004-orphans-and-deletion': orphans,
  '20261204-0005-attachments': attachments,
  '20261204-0006-message-transactions': messageTransactions,
  '20261204-0007-realtime-events': realtimeEvents,
  '20261204-0008-attachment-blobs': attachmentBlobs,
};
