import { oneE164 } from '../../contacts/phone-input.js';
import { requireAdmin } from '../../auth/authorize.js';
import type { Ctx, Services } from '../../context.js';
import { isoNow } from '../../context.js';
import { ProviderError } from '../../providers/messaging-provider.js';
import { providerFor } from '../provider-cache.js';
import type { SetTwilioKeyInput, TwilioSenderInput, TwilioSettingsOut } from './schema.js';
import { invalidateTextingCache, isConfigured, loadTwilioSettings, resolveTexting } from './texting-settings.js';

/** The Twilio part of Company Preferences as shown to an admin (secrets are never returned). */
export async function getTwilioSettings(s: Services): Promise<TwilioSettingsOut> {
  const stored = await loadTwilioSettings(s.db, s.secrets);
  const texting = await resolveTexting(s);
  return {
    accountSid: stored.accountSid,
    authTokenSet: Boolean(stored.authToken),
    apiKeySid: stored.apiKey?.sid ?? null,
    messagingServiceSid: stored.messagingServiceSid,
    fromNumber: stored.fromNumber,
    configured: isConfigured(stored),
    usingEmulator: texting?.usingEmulator ?? false,
    publicBaseUrl: texting?.publicBaseUrl ?? null,
    webhookUrls: texting
      ? { messages: `${texting.publicBaseUrl}/webhooks/twilio/messages`, status: `${texting.publicBaseUrl}/webhooks/twilio/status` }
      : null,
  };
}

async function upsert(ctx: Ctx, values: Record<string, string | null>) {
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('twilio_settings')
    .values({ id: 1, ...values, updated_at: at, updated_by: ctx.actor.id })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, updated_at: at, updated_by: ctx.actor.id }))
    .execute();
  invalidateTextingCache(ctx);
}

/** "Set Twilio API Key": stores the Account SID and the (encrypted) Auth Token and API key. */
export async function setTwilioApiKey(ctx: Ctx, input: SetTwilioKeyInput): Promise<TwilioSettingsOut> {
  requireAdmin(ctx.actor);
  await upsert(ctx, {
    account_sid: input.accountSid,
    auth_token_secret: ctx.secrets.seal(input.authToken),
    api_key_sid: input.apiKeySid ?? null,
    api_key_secret: input.apiKeySecret ? ctx.secrets.seal(input.apiKeySecret) : null,
  });
  return getTwilioSettings(ctx);
}

/** The sender: a Messaging Service SID (preferred) or a From number in E.164. */
export async function setTwilioSender(ctx: Ctx, input: TwilioSenderInput): Promise<TwilioSettingsOut> {
  requireAdmin(ctx.actor);
  const from = input.fromNumber ? await oneE164(ctx.db, input.fromNumber, 'body.fromNumber') : null;
  await upsert(ctx, { messaging_service_sid: input.messagingServiceSid, from_number: from });
  return getTwilioSettings(ctx);
}

/** "Test connection": asks Twilio (or the emulator) whether the credentials work. */
export async function testTwilioConnection(ctx: Ctx): Promise<{ ok: boolean; message: string }> {
  requireAdmin(ctx.actor);
  const texting = await resolveTexting(ctx);
  if (!texting) return { ok: false, message: 'No Twilio credentials are set. Use “Set Twilio API Key” first.' };
  try {
    await providerFor(texting).verify();
    return { ok: true, message: texting.usingEmulator ? 'Connected to the built-in Twilio emulator.' : `Connected to Twilio account ${texting.accountSid}.` };
  } catch (err) {
    if (err instanceof ProviderError) return { ok: false, message: err.info.explanation };
    throw err;
  }
}
