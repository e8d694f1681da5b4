import { z } from 'zod';
import type { Services } from '../../context.js';
import { ctxOf } from '../../http/auth.js';
import { errorOut } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { getTwilioSettings, setTwilioApiKey, setTwilioSender, testTwilioConnection } from './commands.js';
import { setTwilioKeyIn, twilioSenderIn, twilioSettingsOut } from './schema.js';

const tags = ['preferences'];
const config = { admin: true };

/** Company Preferences > Add-Ons > Conversations: the Twilio integration (admins only). */
export async function twilioSettingsRoutes(app: App, s: Services) {
  app.get('/api/preferences/twilio', { config, schema: { tags, response: { 200: twilioSettingsOut, 403: errorOut } } }, async () => getTwilioSettings(s));
  app.put('/api/preferences/twilio/api-key', {
    config,
    schema: { tags, body: setTwilioKeyIn, response: { 200: twilioSettingsOut, 400: errorOut, 403: errorOut } },
  }, async (request) => setTwilioApiKey(ctxOf(s, request), request.body));
  app.put('/api/preferences/twilio/sender', {
    config,
    schema: { tags, body: twilioSenderIn, response: { 200: twilioSettingsOut, 400: errorOut, 403: errorOut } },
  }, async (request) => setTwilioSender(ctxOf(s, request), request.body));
  app.post('/api/preferences/twilio/test', {
    config,
    schema: { tags, response: { 200: z.object({ ok: z.boolean(), message: z.string() }), 403: errorOut } },
  }, async (request) => testTwilioConnection(ctxOf(s, request)));
}
