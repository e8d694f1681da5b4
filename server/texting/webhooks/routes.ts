import { z } from 'zod';
import type { Services } from '../../context.js';
import { AppError } from '../../errors.js';
import type { App } from '../../http/types.js';
import { applyStatusCallback } from '../commands/apply-status-callback.js';
import { receiveInbound } from '../commands/receive-inbound.js';
import { createInboxWriter } from '../inbound/inbox-writer.js';
import { resolveTexting } from '../settings/texting-settings.js';
import { formParams, verifyTwilioSignature } from './signature.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** Twilio's webhooks: inbound messages and delivery status callbacks, both signed. */
export async function twilioWebhookRoutes(app: App, s: Services) {
  const inbox = createInboxWriter(s);
  const verified = async (request: Parameters<typeof verifyTwilioSignature>[0]) => {
    const texting = await resolveTexting(s);
    if (!texting) throw new AppError('TEXTING_NOT_CONFIGURED', 'Texting is not set up on this server.');
    const params = formParams(request.body);
    verifyTwilioSignature(request, texting, params);
    return params;
  };

  app.post('/webhooks/twilio/messages', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const params = await verified(request);
    if (await receiveInbound(s, inbox, params)) s.workers.kick('inbound');
    return reply.type('text/xml').send(EMPTY_TWIML);
  });

  app.post('/webhooks/twilio/status', {
    config: { public: true },
    schema: { hide: true, querystring: z.object({ d: z.coerce.number().int().positive().optional() }) },
  }, async (request, reply) => {
    const params = await verified(request);
    await applyStatusCallback(s, params, request.query.d ?? null);
    return reply.status(204).send();
  });
}
