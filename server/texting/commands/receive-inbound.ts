import type { Services } from '../../context.js';
import { AppError } from '../../errors.js';
import type { FormParams } from '../webhooks/signature.js';
import { param } from '../webhooks/signature.js';
import type { InboxWriter } from '../inbound/inbox-writer.js';

/**
 * Stores an inbound text exactly once, keyed by Twilio's MessageSid: Twilio's retries and
 * duplicates hit the unique constraint and change nothing. Routing into a conversation happens
 * after the commit, in the inbound processor, so the webhook is answered fast.
 * Returns whether this call stored it (false for a duplicate).
 */
export async function receiveInbound(s: Services, inbox: InboxWriter, params: FormParams): Promise<boolean> {
  const sid = param(params, 'MessageSid') ?? param(params, 'SmsMessageSid');
  const from = param(params, 'From');
  const to = param(params, 'To');
  if (!sid || !from || !to)
    throw new AppError('VALIDATION_FAILED', 'A Twilio message webhook needs MessageSid, From and To.');
  const numMedia = Number(param(params, 'NumMedia') ?? '0');
  return inbox.write({
    provider_sid: sid,
    account_sid: param(params, 'AccountSid') ?? null,
    from_number: from,
    to_number: to,
    body: param(params, 'Body') ?? '',
    num_media: Number.isFinite(numMedia) ? numMedia : 0,
    params: JSON.stringify(params),
    received_at: s.clock.now().toISOString(),
  });
}
