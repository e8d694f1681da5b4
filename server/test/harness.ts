import { randomBytes } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { startServer } from '../boot.js';
import type { Running } from '../boot.js';
import { loadConfig } from '../config.js';
import type { Config, DatabaseConfig } from '../config.js';
import type { Dialect } from '../db/database.js';
import type { Role } from '../users/users.table.js';
import { testClock } from './clock.js';
import type { TestClock } from './clock.js';

export const TEST_PASSWORD = 'correct horse 1';
const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
let passwordHash: Promise<string> | undefined;

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: OutgoingHttpHeaders;
}

/** A signed-in user talking to the API through `app.inject` (cookie and CSRF header included). */
export interface ApiClient {
  userId: number;
  cookie: string;
  csrfToken: string;
  get<T = any>(url: string): Promise<ApiResponse<T>>;
  post<T = any>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = any>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = any>(url: string): Promise<ApiResponse<T>>;
}

export interface Harness {
  dialect: Dialect;
  running: Running;
  clock: TestClock;
  config: Config;
  /** Creates a user directly in the database. */
  createUser(username: string, options?: { role?: Role; name?: string }): Promise<number>;
  /** Creates a user (unless it exists) and signs in through the API. */
  signIn(username: string, options?: { role?: Role; name?: string }): Promise<ApiClient>;
  /** An anonymous client. */
  anonymous(): ApiClient;
  /** Records that numbers (E.164) have opted in, as a test's starting point. */
  optIn(...numbers: string[]): Promise<void>;
}

async function createTestDatabase(dialect: Dialect): Promise<{ config: DatabaseConfig; drop: (force?: boolean) => Promise<void> }> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-'));
    return {
      config: { dialect: 'sqlite', filename: path.join(dir, `${name}.db`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = inject('pgUrl');
  if (!url) throw new Error('PostgreSQL is not available');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  await admin.end();
  return {
    config: { dialect: 'postgres', connectionString: url, schema: name },
    drop: async (force = false) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Sessions of a server that did not close in time would block the drop.
      if (force) await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()`, [name]);
      await c.query(`drop schema if exists ${name} cascade`);
      await c.end();
    },
  };
}

/** Config for tests: the real parser with test defaults, then the test database. */
export function testConfig(database: DatabaseConfig, env: Record<string, string> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      PORT: '0',
      SECRETS_KEY: TEST_SECRETS_KEY,
      WORKERS: 'false',
      EMULATOR_STATUS_DELAY_MS: '0',
      DISPATCH_POLL_MS: '50',
      SEND_RATE_PER_SECOND: '0',
      ATTACHMENTS_DIR: path.join(os.tmpdir(), `switchboard-test-attachments-${process.pid}`),
      ...env,
    }),
    database,
  };
}

function client(running: Running, cookie = '', csrfToken = '', userId = 0): ApiClient {
  const call = async (method: string, url: string, body?: unknown): Promise<ApiResponse> => {
    const res = await running.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };
  return {
    userId,
    cookie,
    csrfToken,
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    put: (url, body) => call('PUT', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body ?? {}),
    delete: (url) => call('DELETE', url),
  };
}

/** Starts the real app on a fresh database of the given dialect. */
export interface HarnessOptions {
  env?: Record<string, string>;
  /** Listen on a loopback port (for SSE and other real-HTTP tests); `running.url` is then set. */
  listen?: boolean;
}

export async function startHarness(dialect: Dialect, options: HarnessOptions = {}): Promise<Harness & { stop(): Promise<void> }> {
  const db = await createTestDatabase(dialect);
  const clock = testClock();
  const config = testConfig(db.config, { HOST: '127.0.0.1', ...options.env });
  const running = await startServer(config, {
    clock,
    log: pino({ level: 'silent' }),
    listen: options.listen ?? false,
    serveWeb: false,
  });
  const h: Harness & { stop(): Promise<void> } = {
    dialect,
    running,
    clock,
    config,
    async createUser(username, options = {}) {
      const now = clock.now().toISOString();
      const row = await running.services.db
        .insertInto('users')
        .values({
          username,
          name: options.name ?? username[0]!.toUpperCase() + username.slice(1),
          email: null,
          role: options.role ?? 'user',
          password_hash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async signIn(username, options) {
      const existing = await running.services.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      const userId = existing?.id ?? (await h.createUser(username, options));
      const res = await running.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'sb_session');
      return client(running, `sb_session=${setCookie!.value}`, JSON.parse(res.body).csrfToken, userId);
    },
    anonymous: () => client(running),
    async optIn(...numbers) {
      const at = clock.now().toISOString();
      for (const phone_number of numbers) {
        await running.services.db
          .insertInto('phone_contacts')
          .values({ phone_number, consent_state: 'opted_in', consent_at: at, created_at: at, updated_at: at })
          .onConflict((oc) => oc.column('phone_number').doUpdateSet({ consent_state: 'opted_in', consent_at: at }))
          .execute();
      }
    },
    async stop() {
      // A close that hangs (a request stuck in flight) must not hang the suite: give it 10 s.
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        running.close().then(() => true),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 10_000))),
      ]);
      clearTimeout(timer);
      if (!closed) console.warn(`the ${dialect} test server did not close within 10 s`);
      await db.drop(!closed);
    },
  };
  return h;
}

/**
 * Runs a suite once per database: SQLite always, PostgreSQL when reachable (skipped otherwise,
 * unless REQUIRE_PG=1 made the run fail at setup). Each run gets its own database or schema.
 */
export function describeEachDatabase(name: string, suite: (h: () => Harness) => void, options: HarnessOptions = {}) {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const enabled = dialect === 'sqlite' || Boolean(inject('pgUrl'));
    (enabled ? describe : describe.skip)(`${name} [${dialect}]`, () => {
      let harness: (Harness & { stop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        harness = await startHarness(dialect, options);
      });
      afterAll(async () => {
        await harness?.stop();
      });
      suite(() => {
        if (!harness) throw new Error('harness not started');
        return harness;
      });
    });
  }
}
