import type { Services } from '../../context.js';
import type { DbOrTrx } from '../../db/schema.js';
import type { SecretBox } from '../../security/secret-box.js';
import { getPreferences } from '../../preferences/queries/get-preferences.js';

/** Twilio credentials and sender as stored by an admin (secrets decrypted). */
export interface StoredTwilioSettings {
  accountSid: string | null;
  authToken: string | null;
  apiKey: { sid: string; secret: string } | null;
  messagingServiceSid: string | null;
  fromNumber: string | null;
}

/** What the texting pipeline runs with: stored settings, or the built-in emulator's. */
export interface EffectiveTexting {
  accountSid: string;
  /** Signs and verifies webhooks; Twilio signs with the account's Auth Token even when REST uses an API key. */
  authToken: string;
  apiKey: { sid: string; secret: string } | null;
  messagingServiceSid: string | null;
  fromNumber: string | null;
  /** Where the REST API is: undefined for the real Twilio. */
  apiBaseUrl: string | undefined;
  /** The URL Twilio reaches this server at (webhooks, status callbacks, media links). */
  publicBaseUrl: string;
  usingEmulator: boolean;
}

/** The emulator the server runs when Twilio is not configured (set at boot). */
export interface EmulatorDefaults {
  accountSid: string;
  authToken: string;
  messagingServiceSid: string | null;
  fromNumber: string;
}

export async function loadTwilioSettings(db: DbOrTrx, secrets: SecretBox): Promise<StoredTwilioSettings> {
  const row = await db.selectFrom('twilio_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  const open = (v: string | null | undefined) => (v ? secrets.open(v) : null);
  return {
    accountSid: row?.account_sid ?? null,
    authToken: open(row?.auth_token_secret),
    apiKey: row?.api_key_sid && row.api_key_secret ? { sid: row.api_key_sid, secret: secrets.open(row.api_key_secret) } : null,
    messagingServiceSid: row?.messaging_service_sid ?? null,
    fromNumber: row?.from_number ?? null,
  };
}

/** Stored credentials are complete enough to send: an account, a way to authenticate, and a sender. */
export function isConfigured(s: StoredTwilioSettings): boolean {
  return Boolean(s.accountSid && s.authToken && (s.messagingServiceSid || s.fromNumber));
}

/**
 * The settings texting runs with right now. Stored credentials win; without them the built-in
 * emulator (when running) stands in, so a fresh install can text a simulated phone at once.
 * Returns null when texting cannot work (no credentials, no emulator). Inside a transaction,
 * pass it: on SQLite the transaction holds the only connection.
 */
export async function resolveTexting(s: Services, db?: DbOrTrx): Promise<EffectiveTexting | null> {
  // Every webhook needs the auth token: read the settings at most every CACHE_MS per process.
  // A change made on another instance applies here within that time; one made here at once.
  if (!db) {
    const hit = cache.get(s.db);
    if (hit && hit.at > Date.now() - CACHE_MS) return hit.value;
    const value = await loadEffective(s, s.db);
    cache.set(s.db, { at: Date.now(), value });
    return value;
  }
  return loadEffective(s, db);
}

const CACHE_MS = 2_000;
const cache = new WeakMap<object, { at: number; value: EffectiveTexting | null }>();

/** Forgets cached settings after they change in this process. */
export function invalidateTextingCache(s: Services): void {
  cache.delete(s.db);
}

async function loadEffective(s: Services, db: DbOrTrx): Promise<EffectiveTexting | null> {
  const [stored, prefs] = await Promise.all([loadTwilioSettings(db, s.secrets), getPreferences(db)]);
  const publicBaseUrl = (prefs.publicBaseUrl ?? s.config.publicBaseUrl ?? s.runtime.baseUrl).replace(/\/+$/, '');
  if (isConfigured(stored)) {
    return {
      accountSid: stored.accountSid!,
      authToken: stored.authToken!,
      apiKey: stored.apiKey,
      messagingServiceSid: stored.messagingServiceSid,
      fromNumber: stored.fromNumber,
      apiBaseUrl:
        s.config.twilioApiBaseUrl ??
        (s.runtime.emulator && stored.accountSid === s.runtime.emulator.accountSid ? s.runtime.baseUrl : undefined),
      publicBaseUrl,
      usingEmulator: Boolean(s.runtime.emulator && stored.accountSid === s.runtime.emulator.accountSid),
    };
  }
  const emu = s.runtime.emulator;
  if (!emu) return null;
  return {
    accountSid: emu.accountSid,
    authToken: emu.authToken,
    apiKey: null,
    messagingServiceSid: emu.messagingServiceSid,
    fromNumber: emu.fromNumber,
    apiBaseUrl: s.runtime.baseUrl,
    // The built-in emulator runs inside this server: it reaches us at our own address, whatever
    // public URL is set for the real Twilio.
    publicBaseUrl: s.runtime.baseUrl,
    usingEmulator: true,
  };
}
