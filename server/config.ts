import path from 'node:path';
import { z } from 'zod';

/** Parses a boolean-ish environment variable ("true"/"false"/"1"/"0"). */
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^(postgres(ql)?:\/\/|sqlite:)/.test(v), {
      message: 'must start with postgres://, postgresql:// or sqlite:',
    }),
  SEED_DEMO: bool(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool(false),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SECRETS_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || secretKeyBytes(v) !== null, {
      message: 'must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)',
    }),
  TWILIO_EMULATOR: z.enum(['auto', 'on', 'off']).default('auto'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TWILIO_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  WORKERS: bool(true),
  DISPATCH_POLL_MS: z.coerce.number().int().positive().default(1000),
  DISPATCH_BATCH: z.coerce.number().int().positive().max(500).default(50),
  DISPATCH_CONCURRENCY: z.coerce.number().int().positive().max(100).default(8),
  SEND_RATE_PER_SECOND: z.coerce.number().min(0).default(1),
  EMULATOR_STATUS_DELAY_MS: z.coerce.number().int().min(0).default(700),
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  REALTIME_HUB: z.enum(['auto', 'memory', 'postgres']).default('auto'),
  ATTACHMENT_STORE: z.enum(['auto', 'disk', 'database']).default('auto'),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(25),
});

/** A 32-byte key from 64 hex digits or base64, or null when it is neither. */
export function secretKeyBytes(v: string): Buffer | null {
  const bytes = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return bytes.length === 32 ? bytes : null;
}

export type DatabaseConfig =
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'postgres'; connectionString: string; schema?: string };

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  seedDemo: boolean;
  logLevel: string;
  trustProxy: boolean;
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  shutdownTimeoutMs: number;
  /** Key for secrets at rest (Twilio tokens); when absent, one is kept in DATA_DIR/secrets.key. */
  secretsKey: Buffer | null;
  /** Run the built-in Twilio emulator: auto = when Twilio is not configured. */
  twilioEmulator: 'auto' | 'on' | 'off';
  /** The URL Twilio reaches this server at, when no Company Preference sets it. */
  publicBaseUrl: string | null;
  /** Where Twilio's REST API is (e.g. a standalone emulator); absent: api.twilio.com. */
  twilioApiBaseUrl: string | null;
  /** Run the outbox dispatcher and inbound processor in this process. */
  workers: boolean;
  dispatch: { pollMs: number; batch: number; concurrency: number; ratePerSecond: number };
  emulatorStatusDelayMs: number;
  /** Where attachment files are kept: on disk (ATTACHMENTS_DIR) or in the database; `auto` = the database on PostgreSQL (shared by every instance), disk on SQLite. */
  attachmentStore: 'auto' | 'disk' | 'database';
  /** The disk store's folder; DATA_DIR/attachments by default. */
  attachmentsDir: string;
  /** The largest file a user may upload, in bytes (UPLOAD_MAX_MB, 25 by default). */
  uploadMaxBytes: number;
  /** How realtime events reach other instances: PostgreSQL LISTEN/NOTIFY (`auto` = on PostgreSQL) or this process only. */
  realtimeHub: 'auto' | 'memory' | 'postgres';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses the environment once. Every invalid variable is listed in the thrown ConfigError,
 * so an operator fixes them all in one go.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let database: DatabaseConfig;
  if (e.DATABASE_URL?.startsWith('postgres')) {
    database = { dialect: 'postgres', connectionString: e.DATABASE_URL };
  } else {
    const file = e.DATABASE_URL?.slice('sqlite:'.length);
    database = { dialect: 'sqlite', filename: file ? path.resolve(file) : path.join(dataDir, 'switchboard.db') };
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    secretsKey: e.SECRETS_KEY ? secretKeyBytes(e.SECRETS_KEY) : null,
    twilioEmulator: e.TWILIO_EMULATOR,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
    twilioApiBaseUrl: e.TWILIO_API_BASE_URL?.replace(/\/+$/, '') ?? null,
    workers: e.WORKERS,
    dispatch: {
      pollMs: e.DISPATCH_POLL_MS,
      batch: e.DISPATCH_BATCH,
      concurrency: e.DISPATCH_CONCURRENCY,
      ratePerSecond: e.SEND_RATE_PER_SECOND,
    },
    emulatorStatusDelayMs: e.EMULATOR_STATUS_DELAY_MS,
    attachmentStore: e.ATTACHMENT_STORE,
    attachmentsDir: e.ATTACHMENTS_DIR ? path.resolve(e.ATTACHMENTS_DIR) : path.join(dataDir, 'attachments'),
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    realtimeHub: e.REALTIME_HUB,
  };
}
