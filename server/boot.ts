import pino from 'pino';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import type { Clock, Services } from './context.js';
import { systemClock } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, DEMO_MESSAGING_SERVICE_SID, DEMO_PHONE_NUMBER, registerTwilioEmulator } from './emulator/index.js';
import type { TwilioEmulator } from './emulator/index.js';
import type { App } from './http/types.js';
import { createInProcessHub } from './realtime/event-hub.js';
import { createPostgresHub } from './realtime/postgres-hub.js';
import { ConfigError } from './config.js';
import { createDatabaseStorage, createLocalDiskStorage } from './attachments/storage.js';
import { createSecretBox } from './security/secret-box.js';
import { resolveSecretsKey } from './security/secrets-key.js';
import { seedDemoData } from './seed/demo.js';
import type { DemoLogin } from './seed/demo.js';
import { isConfigured, loadTwilioSettings, resolveTexting } from './texting/settings/texting-settings.js';
import { startWorkers } from './workers/start-workers.js';
import type { Workers } from './workers/start-workers.js';

export interface Running {
  app: App;
  services: Services;
  url: string;
  demoLogins: DemoLogin[] | null;
  /** The built-in Twilio emulator, when this server runs it. */
  emulator: TwilioEmulator | null;
  /** Stops the workers and new connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
  listen?: boolean;
  serveWeb?: boolean;
  /** Emulator status step delay override (tests use 0). */
  emulatorStatusDelayMs?: number;
}

/** Opens and migrates the database, seeds an empty one if asked, builds the app and listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<Running> {
  const log =
    options.log ??
    pino({
      level: config.logLevel,
      ...(config.env === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
    });
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const secretsKey = resolveSecretsKey(config);
  const clock = options.clock ?? systemClock;
  if (config.realtimeHub === 'postgres' && config.database.dialect !== 'postgres') {
    throw new ConfigError(['REALTIME_HUB: postgres needs DATABASE_URL to point at PostgreSQL']);
  }
  const hub =
    config.database.dialect === 'postgres' && config.realtimeHub !== 'memory'
      ? await createPostgresHub({ connectionString: config.database.connectionString, schema: config.database.schema, db: database.db, log, clock })
      : createInProcessHub();
  let workers: Workers | null = null;
  const services: Services = {
    config,
    database,
    db: database.db,
    log,
    clock,
    hub,
    secrets: createSecretBox(secretsKey.key),
    files:
      config.attachmentStore === 'database' || (config.attachmentStore === 'auto' && config.database.dialect === 'postgres')
        ? createDatabaseStorage(database.db, clock)
        : createLocalDiskStorage(config.attachmentsDir),
    runtime: { baseUrl: `http://localhost:${config.port}`, emulator: null },
    workers: { kick: (which) => workers?.kick(which) },
  };
  const demoLogins = config.seedDemo ? await seedDemoData(services) : null;

  const runEmulator =
    config.twilioEmulator === 'on' ||
    (config.twilioEmulator === 'auto' && !isConfigured(await loadTwilioSettings(services.db, services.secrets)));
  if (runEmulator) {
    services.runtime.emulator = {
      accountSid: DEMO_ACCOUNT_SID,
      authToken: DEMO_AUTH_TOKEN,
      messagingServiceSid: DEMO_MESSAGING_SERVICE_SID,
      fromNumber: DEMO_PHONE_NUMBER,
    };
  }
  let emulator: TwilioEmulator | null = null;
  const app = await buildApp(services, {
    serveWeb: options.serveWeb,
    beforeRoutes: async (a) => {
      if (!runEmulator) return;
      emulator = await registerTwilioEmulator(a as never, {
        clock: services.clock,
        statusDelaysMs: options.emulatorStatusDelayMs ?? config.emulatorStatusDelayMs,
        numbers: [{ phoneNumber: DEMO_PHONE_NUMBER, messagingServiceSid: DEMO_MESSAGING_SERVICE_SID }],
      });
    },
  });
  let url = '';
  if (options.listen !== false) {
    await app.listen({ host: config.host, port: config.port });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    url = `http://${host}:${port}`;
    services.runtime.baseUrl = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  } else {
    await app.ready();
  }
  const emu = emulator as TwilioEmulator | null;
  if (emu) {
    const texting = await resolveTexting(services);
    emu.setPublicUrl(services.runtime.baseUrl);
    emu.setSmsUrl(`${texting?.publicBaseUrl ?? services.runtime.baseUrl}/webhooks/twilio/messages`);
  }
  if (config.workers) workers = startWorkers(services);
  let closing: Promise<void> | undefined;
  return {
    app,
    services,
    url,
    demoLogins,
    emulator: emu,
    close: () =>
      (closing ??= (async () => {
        await workers?.stop();
        await app.close();
        await services.hub.close();
        await database.destroy();
      })()),
  };
}
