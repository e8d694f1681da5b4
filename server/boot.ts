import pino from 'pino';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import type { Clock, Services } from './context.js';
import { systemClock } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { App } from './http/types.js';
import { createInProcessHub } from './realtime/event-hub.js';
import { seedDemoData } from './seed/demo.js';
import type { DemoLogin } from './seed/demo.js';

export interface Running {
  app: App;
  services: Services;
  url: string;
  demoLogins: DemoLogin[] | null;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
  listen?: boolean;
  serveWeb?: boolean;
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
  const services: Services = {
    config,
    database,
    db: database.db,
    log,
    clock: options.clock ?? systemClock,
    hub: createInProcessHub(),
  };
  const demoLogins = config.seedDemo ? await seedDemoData(services) : null;
  const app = await buildApp(services, { serveWeb: options.serveWeb });
  let url = '';
  if (options.listen !== false) {
    await app.listen({ host: config.host, port: config.port });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    url = `http://${host}:${port}`;
  } else {
    await app.ready();
  }
  let closing: Promise<void> | undefined;
  return {
    app,
    services,
    url,
    demoLogins,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await services.hub.close();
        await database.destroy();
      })()),
  };
}
