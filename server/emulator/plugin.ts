import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './admin-routes.js';
import { TwilioEmulator } from './emulator.js';
import { parseForm } from './format.js';
import { restRoutes } from './rest-routes.js';
import { simulatorRoutes } from './simulator-routes.js';
import type { TwilioEmulatorOptions } from './types.js';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Adds the emulator to a Fastify instance: Twilio's REST routes under `/2010-04-01`, the media
 * CDN, the admin API under `/emulator/api` and the phone simulator at `/simulator`. Its routes
 * live in their own encapsulated context (own form parser and error handlers), so a host app's
 * parsers, hooks and error format are untouched. Call before the instance is ready.
 */
export async function registerTwilioEmulator(app: FastifyInstance, options: TwilioEmulatorOptions = {}): Promise<TwilioEmulator> {
  const emulator = new TwilioEmulator(options);
  await app.register(async (scope) => {
    // Twilio's form bodies repeat keys (MediaUrl=…&MediaUrl=…); parse them ourselves, whatever
    // parser the host registered.
    if (scope.hasContentTypeParser(FORM)) scope.removeContentTypeParser(FORM);
    scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
      done(null, parseForm(typeof body === 'string' ? body : body.toString('utf8')));
    });
    scope.addHook('onRequest', async (request) => {
      emulator.core.noteOrigin(`${request.protocol}://${request.host}`);
    });
    await restRoutes(scope, emulator.core, emulator.carrier);
    await adminRoutes(scope, emulator);
    await simulatorRoutes(scope);
  });
  app.addHook('onClose', async () => emulator.close());
  return emulator;
}
