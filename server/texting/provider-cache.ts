import { createHash } from 'node:crypto';
import type { MessagingProvider } from '../providers/messaging-provider.js';
import { createTwilioProvider } from '../providers/twilio/twilio-provider.js';
import type { EffectiveTexting } from './settings/texting-settings.js';

const cache = new Map<string, MessagingProvider>();

/** One provider client per distinct set of credentials, so changing them takes effect at once. */
export function providerFor(t: EffectiveTexting): MessagingProvider {
  const key = createHash('sha256')
    .update(JSON.stringify([t.accountSid, t.authToken, t.apiKey, t.apiBaseUrl ?? '']))
    .digest('hex');
  let provider = cache.get(key);
  if (!provider) {
    provider = createTwilioProvider({
      accountSid: t.accountSid,
      authToken: t.authToken,
      ...(t.apiKey ? { apiKey: t.apiKey } : {}),
      ...(t.apiBaseUrl ? { apiBaseUrl: t.apiBaseUrl } : {}),
    });
    if (cache.size > 20) cache.clear();
    cache.set(key, provider);
  }
  return provider;
}
