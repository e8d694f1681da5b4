import type { Logger } from 'pino';
import type { AttachmentStorage } from './attachments/storage.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Db } from './db/schema.js';
import type { EventHub } from './realtime/event-hub.js';
import type { SecretBox } from './security/secret-box.js';
import type { EmulatorDefaults } from './texting/settings/texting-settings.js';
import type { Role } from './users/users.table.js';

/** Time as the application sees it; tests inject a fixed or advancing clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export type WorkerName = 'dispatch' | 'inbound' | 'media';

/** The signed-in user a command acts for. */
export interface Actor {
  id: number;
  username: string;
  name: string;
  role: Role;
}

/** Long-lived services, built once at boot and shared by every request. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  log: Logger;
  clock: Clock;
  hub: EventHub;
  secrets: SecretBox;
  /** Attachment files (local disk today; a shared store for several instances later). */
  files: AttachmentStorage;
  /** Facts known only once the server runs: its own URL, and the built-in emulator if it runs. */
  runtime: { baseUrl: string; emulator: EmulatorDefaults | null };
  /** Wakes the background workers (outbox dispatcher, inbound processor, media fetcher) after a commit. */
  workers: { kick(which: WorkerName): void };
}

/** What a command receives: the services plus who is acting. */
export interface Ctx extends Services {
  actor: Actor;
}

export const isoNow = (clock: Clock) => clock.now().toISOString();
