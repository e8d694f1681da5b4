import pg from 'pg';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../context.js';
import type { Db } from '../db/schema.js';
import type { EventHub, HubEvent, HubListener } from './event-hub.js';

/** NOTIFY payloads are limited to 8,000 bytes; bigger events travel through realtime_events. */
const MAX_INLINE_BYTES = 7_500;
const KEEP_LARGE_MS = 5 * 60_000;

export interface PostgresHubOptions {
  connectionString: string;
  /** Instances sharing a database but not a schema (tests) must not hear each other. */
  schema?: string;
  db: Db;
  log: Logger;
  clock: Clock;
}

/**
 * Realtime fan-out between every instance on one PostgreSQL: `publish` is a NOTIFY on a channel
 * every instance LISTENs to on a connection of its own, and each delivers what it hears to its
 * local SSE streams — its own events included, so all instances see one order. When the
 * listening connection drops it reconnects with backoff and tells every stream to `resync`
 * (clients refetch), since notifications sent meanwhile are lost.
 */
export async function createPostgresHub(options: PostgresHubOptions): Promise<EventHub> {
  const channel = options.schema ? `sb_events_${options.schema}` : 'sb_events';
  const listeners = new Set<HubListener>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let lastSweep = 0;

  const deliver = (event: HubEvent) => {
    for (const l of listeners) {
      try {
        l(event);
      } catch {
        // A broken subscriber must not stop the others from receiving the event.
      }
    }
  };

  const onNotification = async (payload: string | undefined) => {
    if (!payload) return;
    try {
      const parsed = JSON.parse(payload) as HubEvent | { ref: number };
      if ('ref' in parsed) {
        const row = await options.db.selectFrom('realtime_events').select('payload').where('id', '=', parsed.ref).executeTakeFirst();
        if (row) deliver(JSON.parse(row.payload) as HubEvent);
      } else {
        deliver(parsed);
      }
    } catch (err) {
      options.log.warn({ err }, 'could not read a realtime notification');
    }
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: options.connectionString, application_name: `${options.schema ?? 'switchboard'}:events` });
    c.on('notification', (msg) => void onNotification(msg.payload));
    c.on('error', (err) => options.log.warn({ err }, 'realtime listener connection failed'));
    c.on('end', () => {
      if (closed || client !== c) return;
      client = null;
      scheduleReconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    client = c;
    retryMs = 500;
  }

  function scheduleReconnect() {
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, 30_000);
    setTimeout(() => {
      if (closed) return;
      connect().then(
        () => deliver({ type: 'resync', audience: { userIds: [], admins: false, everyone: true }, data: {} }),
        (err: unknown) => {
          options.log.warn({ err }, 'realtime listener could not reconnect; retrying');
          scheduleReconnect();
        },
      );
    }, wait).unref();
  }

  await connect();

  return {
    kind: 'postgres',
    async publish(event) {
      const payload = JSON.stringify(event);
      if (Buffer.byteLength(payload) <= MAX_INLINE_BYTES) {
        await sql`select pg_notify(${channel}, ${payload})`.execute(options.db);
        return;
      }
      const now = options.clock.now();
      const { id } = await options.db.insertInto('realtime_events').values({ payload, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await sql`select pg_notify(${channel}, ${JSON.stringify({ ref: id })})`.execute(options.db);
      if (now.getTime() - lastSweep > 60_000) {
        lastSweep = now.getTime();
        await options.db.deleteFrom('realtime_events').where('created_at', '<', new Date(now.getTime() - KEEP_LARGE_MS).toISOString()).execute();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
